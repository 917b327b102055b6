package io.tributary.orchestrator.trigger.manual;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A request to start a run by hand. */
@Schema(name = "ManualRunRequest", example = "{\"parameters\":{\"window\":300}}")
public record ManualRunRequest(
        @Schema(description = "Values for the flow's parameters, by name; the others take their defaults")
        Map<String, JsonNode> parameters) {

    public Map<String, JsonNode> parametersOrEmpty() {
        return parameters == null ? Map.of() : parameters;
    }
}
