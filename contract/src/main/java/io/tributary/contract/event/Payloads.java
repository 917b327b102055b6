package io.tributary.contract.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.json.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Normalizes a JSON object from any source: numeric fields become metrics, everything else attributes, and the time
 * field (ISO-8601 or epoch milliseconds) the event time. Every number must be finite as a double, the type consumers
 * read numbers as: a value beyond a double's range (1e400) is refused as {@link DeadLetterReason#NON_FINITE_VALUE},
 * not published as "Infinity".
 */
public final class Payloads {
    private Payloads() {}

    /** The parts of a normalized event that come from the payload. */
    public record Normalized(EventData data, OffsetDateTime time) {}

    /** Input that cannot become an event; carries the reason that goes on the dead-letter record. */
    public static final class RejectedPayloadException extends RuntimeException {
        private final DeadLetterReason reason;

        public RejectedPayloadException(DeadLetterReason reason, String detail) {
            super(detail);
            this.reason = reason;
        }

        public DeadLetterReason reason() {
            return reason;
        }
    }

    public static ObjectNode parseObject(String payload) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(payload);
        } catch (Exception e) {
            throw new RejectedPayloadException(DeadLetterReason.MALFORMED_PAYLOAD, "not JSON: " + firstLine(e));
        }
        if (node == null || !node.isObject()) {
            throw new RejectedPayloadException(
                    DeadLetterReason.MALFORMED_PAYLOAD,
                    "expected a JSON object, got " + (node == null ? "nothing" : node.getNodeType()));
        }
        return (ObjectNode) node;
    }

    /**
     * @param timeField the payload field holding the event time; absent means the time of receipt
     * @param keepRaw whether the original payload travels along in {@code data.raw}
     */
    public static Normalized normalize(ObjectNode payload, String timeField, Instant receivedAt, boolean keepRaw) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = payload.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals(timeField)) {
                continue;
            }
            JsonNode value = field.getValue();
            requireFinite(value, field.getKey());
            if (value.isNumber()) {
                metrics.put(field.getKey(), value.doubleValue());
            } else {
                attributes.put(field.getKey(), Json.MAPPER.convertValue(value, Object.class));
            }
        }
        OffsetDateTime time = eventTime(payload.get(timeField), timeField, receivedAt);
        return new Normalized(new EventData(metrics, attributes, keepRaw ? payload : null), time);
    }

    private static void requireFinite(JsonNode value, String path) {
        if (value.isNumber() && !Double.isFinite(value.doubleValue())) {
            throw new RejectedPayloadException(
                    DeadLetterReason.NON_FINITE_VALUE,
                    "field '" + path + "' is " + value.asText() + ", not a finite number");
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            requireFinite(field.getValue(), path + "." + field.getKey());
        }
        for (int i = 0; value.isArray() && i < value.size(); i++) {
            requireFinite(value.get(i), path + "[" + i + "]");
        }
    }

    /**
     * The event time a payload's time value gives: ISO-8601 text or epoch milliseconds; absent (null, or a missing
     * node where a JSON Pointer found nothing) or JSON null: the time of receipt.
     *
     * @param timeField where the value was read, for the dead letter's detail
     */
    public static OffsetDateTime eventTime(JsonNode value, String timeField, Instant receivedAt) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return receivedAt.atOffset(ZoneOffset.UTC);
        }
        if (value.isIntegralNumber()) {
            return Instant.ofEpochMilli(value.longValue()).atOffset(ZoneOffset.UTC);
        }
        try {
            return OffsetDateTime.parse(value.asText()).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new RejectedPayloadException(
                    DeadLetterReason.INVALID_FIELD,
                    "field '" + timeField + "' is not an ISO-8601 timestamp or epoch milliseconds: " + value);
        }
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
