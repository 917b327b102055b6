package io.tributary.contract.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** The JSON body of a normalized event: numeric readings, other attributes, and optionally the original payload. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventData(Map<String, Double> metrics, Map<String, Object> attributes, JsonNode raw) {
    public EventData {
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        attributes = attributes == null ? Map.of() : attributes;
    }
}
