package io.tributary.analytics.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The window a result was computed on, as CloudEvent extensions of the result event, so subscribers can filter on
 * them without reading the data: {@code windowstart}, {@code windowend} (ISO-8601) and {@code inputcount}.
 */
public final class ResultWindow {
    private ResultWindow() {}

    /** Empty for a result without a window (a task type that does not compute on one). */
    public static Map<String, Object> extensions(JsonNode result) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (result != null && result.hasNonNull("windowStart") && result.hasNonNull("windowEnd")) {
            extensions.put("windowstart", result.get("windowStart").asText());
            extensions.put("windowend", result.get("windowEnd").asText());
            if (result.hasNonNull("count")) {
                extensions.put("inputcount", result.get("count").asInt());
            }
        }
        return extensions;
    }
}
