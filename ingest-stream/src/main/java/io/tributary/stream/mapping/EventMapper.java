package io.tributary.stream.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.EventData;
import io.tributary.contract.event.EventTypes;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.event.Payloads.RejectedPayloadException;
import io.tributary.stream.delivery.Delivery;
import io.tributary.stream.source.PayloadFormat;
import io.tributary.stream.source.SourceConfig;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns one delivery of a source into its record event, as the source's mapping says; input that cannot become an
 * event throws {@link RejectedPayloadException} with the reason for its dead letter. A CloudEvent keeps its own
 * source, subject and time; its id and type travel as attribute {@code cloudEvent} ({@code id}, {@code type}), and
 * the event id derives from its source and id, so the same CloudEvent read twice is one event.
 */
public final class EventMapper {
    static final String CLOUD_EVENT_ATTRIBUTE = "cloudEvent";

    private final String source;
    private final PayloadFormat format;
    private final List<Reference> subject;
    private final Optional<List<Reference>> id;
    private final Optional<List<Reference>> time;
    private final Map<String, Reference> metrics;
    private final Map<String, Reference> attributes;
    private final boolean keepRaw;
    private final JsonBodies json;
    private final Optional<CloudEventReader> cloudEvents;

    /** The mapping of a source's configuration; an invalid reference fails here, at start, not per message. */
    public EventMapper(SourceConfig config, JsonBodies json) {
        this.source = URI.create(config.source()).toString();
        this.format = config.format();
        this.subject = Reference.parseAll(config.subject());
        this.id = config.id().map(Reference::parseAll);
        this.time = config.time().map(Reference::parseAll);
        this.metrics = parseValues(config.metrics());
        this.attributes = parseValues(config.attributes());
        this.keepRaw = config.keepRaw();
        this.json = json;
        this.cloudEvents = config.cloudEvents() ? Optional.of(new CloudEventReader(json)) : Optional.empty();
    }

    public NormalizedEvent map(Delivery delivery, Instant receivedAt) {
        Optional<CloudEvent> cloudEvent = cloudEvents.flatMap(reader -> reader.read(delivery));
        JsonNode body = cloudEvent.map(CloudEvent::data).orElseGet(() -> body(delivery));
        String eventSource = cloudEvent.map(CloudEvent::source).orElse(source);
        String eventSubject = cloudEvent
                .flatMap(CloudEvent::subject)
                .or(() -> Reference.first(subject, delivery, body).map(JsonNode::asText))
                .filter(value -> !value.isBlank())
                .orElseThrow(() -> new RejectedPayloadException(
                        DeadLetterReason.INVALID_FIELD, "no subject: none of " + subject + " has a value"));
        String identity = cloudEvent
                .map(event -> "cloudevent:" + event.id())
                .or(() -> id.flatMap(refs -> Reference.first(refs, delivery, body))
                        .map(value -> "id:" + value.asText()))
                .orElse(delivery.identity());
        OffsetDateTime eventTime = cloudEvent
                .flatMap(CloudEvent::time)
                .map(t -> t.withOffsetSameInstant(ZoneOffset.UTC))
                .orElseGet(() -> time(delivery, body, receivedAt));
        Map<String, Object> eventAttributes = attributes(delivery, body);
        cloudEvent.ifPresent(
                event -> eventAttributes.put(CLOUD_EVENT_ATTRIBUTE, Map.of("id", event.id(), "type", event.type())));
        return new NormalizedEvent(
                NormalizedEvent.deterministicId(eventSource, eventSubject, identity),
                URI.create(eventSource),
                EventTypes.RECORD,
                eventSubject,
                eventTime,
                new EventData(metrics(delivery, body), eventAttributes, keepRaw ? body : null));
    }

    private JsonNode body(Delivery delivery) {
        String text = JsonBodies.utf8(delivery.body());
        if (format == PayloadFormat.TEXT) {
            return json.text(text);
        }
        JsonNode body = json.parse(text);
        if (!body.isObject()) {
            throw new RejectedPayloadException(
                    DeadLetterReason.MALFORMED_PAYLOAD, "expected a JSON object, got " + body.getNodeType());
        }
        return body;
    }

    private OffsetDateTime time(Delivery delivery, JsonNode body, Instant receivedAt) {
        if (time.isPresent()) {
            for (Reference reference : time.get()) {
                Optional<JsonNode> value = reference.resolve(delivery, body);
                if (value.isPresent()) {
                    return EventTimes.parse(value.get(), reference.toString());
                }
            }
        }
        return delivery.brokerTime().orElse(receivedAt).atOffset(ZoneOffset.UTC);
    }

    private Map<String, Double> metrics(Delivery delivery, JsonNode body) {
        Map<String, Double> values = new LinkedHashMap<>();
        if (!metrics.isEmpty()) {
            metrics.forEach((name, reference) -> reference
                    .resolve(delivery, body)
                    .ifPresent(value -> values.put(name, Numbers.metric(value, name))));
        } else if (body.isNumber()) {
            values.put("value", body.doubleValue());
        } else {
            topLevelFields(body, true).forEach((name, value) -> values.put(name, value.doubleValue()));
        }
        return values;
    }

    private Map<String, Object> attributes(Delivery delivery, JsonNode body) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (!attributes.isEmpty()) {
            attributes.forEach((name, reference) ->
                    reference.resolve(delivery, body).ifPresent(value -> values.put(name, json.toAttribute(value))));
        } else if (body.isTextual()) {
            values.put("text", body.asText());
        } else {
            topLevelFields(body, false).forEach((name, value) -> values.put(name, json.toAttribute(value)));
        }
        return values;
    }

    /** The body's top-level numbers (or everything else), without the field the event time was taken from. */
    private Map<String, JsonNode> topLevelFields(JsonNode body, boolean numbers) {
        Set<String> timeFields = time.stream()
                .flatMap(List::stream)
                .flatMap(reference -> reference.topLevelField().stream())
                .collect(Collectors.toSet());
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNumber() == numbers && !timeFields.contains(field.getKey())) {
                fields.put(field.getKey(), field.getValue());
            }
        }
        return fields;
    }

    private static Map<String, Reference> parseValues(Map<String, String> references) {
        Map<String, Reference> parsed = new LinkedHashMap<>();
        references.forEach((name, reference) -> parsed.put(name, Reference.parse(reference)));
        return parsed;
    }
}
