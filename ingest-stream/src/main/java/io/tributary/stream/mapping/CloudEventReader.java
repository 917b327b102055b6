package io.tributary.stream.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.Payloads.RejectedPayloadException;
import io.tributary.stream.delivery.Delivery;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Recognises CloudEvents 1.0 in any broker's message. Structured mode: content type
 * {@code application/cloudevents+json}, the attributes and {@code data} (or {@code data_base64}) in the body. Binary
 * mode: the attributes in headers, with the prefix of the Kafka binding ({@code ce_}), the AMQP binding
 * ({@code cloudEvents:} or {@code cloudEvents_}) or the HTTP one ({@code ce-}), and the body is the data. The
 * CloudEvents SDK has no binding for AMQP 0-9-1 nor Pulsar, so one reader over {@link Delivery} serves all three.
 */
final class CloudEventReader {
    static final String STRUCTURED = "application/cloudevents+json";
    private static final List<String> BINARY_PREFIXES = List.of("ce_", "cloudEvents:", "cloudEvents_", "ce-");

    private final JsonBodies json;

    CloudEventReader(JsonBodies json) {
        this.json = json;
    }

    Optional<CloudEvent> read(Delivery delivery) {
        Optional<String> contentType = delivery.contentType().map(type -> type.toLowerCase(Locale.ROOT));
        if (contentType.filter(type -> type.startsWith(STRUCTURED)).isPresent()) {
            return Optional.of(structured(delivery));
        }
        return BINARY_PREFIXES.stream()
                .filter(prefix -> delivery.headers().containsKey(prefix + "specversion"))
                .findFirst()
                .map(prefix -> binary(delivery, prefix));
    }

    private CloudEvent structured(Delivery delivery) {
        JsonNode event = json.parse(JsonBodies.utf8(delivery.body()));
        if (!event.isObject()) {
            throw envelope("a structured CloudEvent must be a JSON object");
        }
        Function<String, Optional<String>> attribute = name -> Optional.ofNullable(event.get(name))
                .filter(JsonNode::isValueNode)
                .map(JsonNode::asText);
        JsonNode data;
        if (event.hasNonNull("data_base64")) {
            data = content(
                    Base64.getDecoder().decode(event.get("data_base64").asText()), attribute.apply("datacontenttype"));
        } else if (event.has("data")) {
            JsonNode value = event.get("data");
            data = value.isTextual() && !isJson(attribute.apply("datacontenttype")) ? json.text(value.asText()) : value;
        } else {
            data = json.parse("{}");
        }
        return event(attribute, data);
    }

    private CloudEvent binary(Delivery delivery, String prefix) {
        Map<String, String> headers = delivery.headers();
        return event(
                name -> Optional.ofNullable(headers.get(prefix + name)),
                content(delivery.body(), delivery.contentType()));
    }

    private CloudEvent event(Function<String, Optional<String>> attribute, JsonNode data) {
        String version = attribute.apply("specversion").orElse("");
        if (!version.equals("1.0")) {
            throw envelope("specversion '" + version + "' is not CloudEvents 1.0");
        }
        return new CloudEvent(
                required(attribute, "id"),
                required(attribute, "source"),
                required(attribute, "type"),
                attribute.apply("subject").filter(subject -> !subject.isBlank()),
                attribute.apply("time").map(CloudEventReader::time),
                data);
    }

    private JsonNode content(byte[] bytes, Optional<String> contentType) {
        String text = JsonBodies.utf8(bytes);
        return isJson(contentType) ? json.parse(text) : json.text(text);
    }

    // No content type is JSON: the spec's default for structured mode, and what producers of binary mode mostly send.
    private static boolean isJson(Optional<String> contentType) {
        return contentType
                .map(type -> type.toLowerCase(Locale.ROOT))
                .map(type -> type.startsWith("application/json") || type.contains("+json"))
                .orElse(true);
    }

    private static String required(Function<String, Optional<String>> attribute, String name) {
        return attribute
                .apply(name)
                .filter(value -> !value.isBlank())
                .orElseThrow(() -> envelope("CloudEvent attribute '" + name + "' is missing"));
    }

    private static OffsetDateTime time(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw envelope("CloudEvent time '" + text + "' is not an RFC 3339 timestamp");
        }
    }

    private static RejectedPayloadException envelope(String detail) {
        return new RejectedPayloadException(DeadLetterReason.INVALID_ENVELOPE, detail);
    }
}
