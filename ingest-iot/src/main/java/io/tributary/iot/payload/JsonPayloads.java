package io.tributary.iot.payload;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.Payloads.RejectedPayloadException;
import io.tributary.contract.json.StrictJson;
import java.util.Map;

/**
 * Device JSON, read strictly ({@link StrictJson}) with exact decimals, so SenML's base-plus-offset sums are exact; and
 * every number checked to be finite where it is used.
 */
final class JsonPayloads {
    private final StrictJson json;

    JsonPayloads(int maxNestingDepth) {
        this.json = new StrictJson(maxNestingDepth, true);
    }

    /** The payload's JSON tree; throws with the reason when it is not JSON or nested too deeply. */
    JsonNode parse(String text) {
        JsonNode node = json.read(text);
        if (node == null || node.isMissingNode()) {
            throw new RejectedPayloadException(DeadLetterReason.MALFORMED_PAYLOAD, "empty payload");
        }
        return node;
    }

    /** Every number anywhere in the tree must be finite as a double: consumers read numbers as doubles. */
    static void requireFinite(JsonNode node, String path) {
        if (node.isNumber()) {
            finite(node, path);
        } else if (node.isContainerNode()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                requireFinite(field.getValue(), path + "." + field.getKey());
            }
            for (int i = 0; node.isArray() && i < node.size(); i++) {
                requireFinite(node.get(i), path + "[" + i + "]");
            }
        }
    }

    /** The number as a double; NaN, ±Infinity and values beyond a double's range are rejected. */
    static double finite(JsonNode number, String path) {
        double value = number.doubleValue();
        if (!Double.isFinite(value)) {
            throw new RejectedPayloadException(
                    DeadLetterReason.NON_FINITE_VALUE,
                    "'" + path + "' is " + number.asText() + ", not a finite number");
        }
        return value;
    }

    Object toAttribute(JsonNode value) {
        return json.toAttribute(value);
    }
}
