package io.tributary.iot.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.Payloads.RejectedPayloadException;
import io.tributary.iot.intake.IotConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Turns one MQTT payload into readings in its subscription's format, or rejects it with a reason. */
@ApplicationScoped
public class PayloadDecoder {
    private final int maxPayloadBytes;
    private final JsonPayloads json;
    private final JsonObjectFormat jsonObjects;

    public PayloadDecoder(IotConfig config) {
        this.maxPayloadBytes = config.maxPayloadBytes();
        this.json = new JsonPayloads(config.maxNestingDepth());
        this.jsonObjects = new JsonObjectFormat(json);
    }

    public List<Reading> decode(Incoming incoming) {
        if (incoming.payload().length > maxPayloadBytes) {
            throw new RejectedPayloadException(
                    DeadLetterReason.OVERSIZE_PAYLOAD,
                    "payload of " + incoming.payload().length + " bytes exceeds the limit of " + maxPayloadBytes);
        }
        String device = incoming.device();
        if (device == null || device.isEmpty()) {
            throw new RejectedPayloadException(
                    DeadLetterReason.INVALID_FIELD, "topic '" + incoming.topic() + "' names no device");
        }
        String text = Utf8.decode(incoming.payload())
                .orElseThrow(() ->
                        new RejectedPayloadException(DeadLetterReason.MALFORMED_PAYLOAD, "payload is not valid UTF-8"));
        PayloadFormat format = incoming.subscription().format();
        JsonNode node = parse(text, format);
        PayloadFormat shape = node.isObject()
                ? PayloadFormat.JSON
                : node.isArray() ? PayloadFormat.SENML : node.isNumber() ? PayloadFormat.NUMBER : PayloadFormat.AUTO;
        if (format == PayloadFormat.NUMBER && shape != PayloadFormat.NUMBER) {
            throw new RejectedPayloadException(
                    DeadLetterReason.NON_NUMERIC_VALUE, "expected a plain number, got " + node.getNodeType());
        }
        if (shape == PayloadFormat.AUTO || (format != PayloadFormat.AUTO && format != shape)) {
            throw new RejectedPayloadException(
                    DeadLetterReason.UNKNOWN_FORMAT, "a JSON " + node.getNodeType() + " is not in format " + format);
        }
        return switch (shape) {
            case JSON -> List.of(jsonObjects.decode((ObjectNode) node, incoming));
            case SENML -> SenmlFormat.decode((ArrayNode) node, incoming);
            default -> List.of(NumberFormat.decode(node, incoming));
        };
    }

    private JsonNode parse(String text, PayloadFormat format) {
        try {
            return json.parse(text);
        } catch (RejectedPayloadException e) {
            if (e.reason() != DeadLetterReason.MALFORMED_PAYLOAD) {
                throw e;
            }
            String start = text.strip();
            boolean looksJson = start.startsWith("{") || start.startsWith("[");
            if (format == PayloadFormat.NUMBER && !looksJson) {
                throw new RejectedPayloadException(
                        DeadLetterReason.NON_NUMERIC_VALUE, "not a number: " + e.getMessage());
            }
            if (format == PayloadFormat.AUTO && !looksJson && !start.startsWith("\"")) {
                throw new RejectedPayloadException(
                        DeadLetterReason.UNKNOWN_FORMAT, "neither JSON, SenML nor a number: " + e.getMessage());
            }
            throw e;
        }
    }
}
