package io.tributary.iot.payload;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.Payloads.RejectedPayloadException;
import java.util.Map;

/**
 * Parses device JSON strictly but readably. NaN and Infinity literals are read (to be rejected as non-finite, which
 * tells the device owner more than "invalid JSON"); duplicate keys and trailing content are invalid; nesting is
 * bounded by the parser itself; decimals are read exactly, so SenML's base-plus-offset sums are exact.
 */
final class JsonPayloads {
    private final ObjectMapper mapper;

    JsonPayloads(int maxNestingDepth) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxNestingDepth)
                        .build())
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = new ObjectMapper(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** The payload's JSON tree; throws with the reason when it is not JSON or nested too deeply. */
    JsonNode parse(String text) {
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new RejectedPayloadException(DeadLetterReason.MALFORMED_PAYLOAD, "empty payload");
            }
            return node;
        } catch (StreamConstraintsException e) {
            DeadLetterReason reason = e.getMessage().contains("nesting depth")
                    ? DeadLetterReason.NESTING_TOO_DEEP
                    : DeadLetterReason.MALFORMED_PAYLOAD;
            throw new RejectedPayloadException(reason, firstLine(e));
        } catch (RejectedPayloadException e) {
            throw e;
        } catch (Exception e) {
            throw new RejectedPayloadException(DeadLetterReason.MALFORMED_PAYLOAD, "not JSON: " + firstLine(e));
        }
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
        return mapper.convertValue(value, Object.class);
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
