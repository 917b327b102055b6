package io.tributary.api.mapping;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.api.source.SourceConfig;
import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.EventData;
import io.tributary.contract.event.EventTypes;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.event.Payloads;
import io.tributary.contract.event.Payloads.RejectedPayloadException;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a source's bodies into records and each record into its event, as the source's mapping says; what cannot
 * become an event throws {@link RejectedPayloadException} with the reason of its dead letter. Top-level numbers are
 * metrics unless metrics are configured, every other top-level field an attribute.
 */
public final class RecordMapper {
    private final String source;
    private final Optional<JsonPointer> records;
    private final JsonPointer subject;
    private final Optional<JsonPointer> id;
    private final Optional<JsonPointer> time;
    private final Map<String, JsonPointer> metrics = new LinkedHashMap<>();
    private final boolean keepRaw;

    /** The mapping of a source's configuration; a pointer that is not one fails here, at start. */
    public RecordMapper(String name, SourceConfig config) {
        this.source = URI.create(config.source().orElse("/api/" + name)).toString();
        this.records = config.records().map(JsonPointer::compile);
        this.subject = JsonPointer.compile(config.subject());
        this.id = config.id().map(JsonPointer::compile);
        this.time = config.time().map(JsonPointer::compile);
        config.metrics().forEach((metric, pointer) -> metrics.put(metric, JsonPointer.compile(pointer)));
        this.keepRaw = config.keepRaw();
    }

    /** The CloudEvents {@code source} of this source's events. */
    public String source() {
        return source;
    }

    /** The records in a body: the elements of the array the records pointer names, or the one object there. */
    public List<JsonNode> records(JsonNode body) {
        JsonNode found = records.map(body::at).orElse(body);
        if (found.isMissingNode() || found.isNull()) {
            throw new RejectedPayloadException(
                    DeadLetterReason.INVALID_FIELD,
                    "no records at " + records.map(Object::toString).orElse("/"));
        }
        if (found.isObject()) {
            return List.of(found);
        }
        if (!found.isArray()) {
            throw new RejectedPayloadException(
                    DeadLetterReason.INVALID_FIELD,
                    "records at " + records.map(Object::toString).orElse("/") + " are " + found.getNodeType()
                            + ", not an array or object");
        }
        List<JsonNode> list = new ArrayList<>(found.size());
        found.forEach(list::add);
        return list;
    }

    public NormalizedEvent map(JsonNode record, Instant receivedAt) {
        if (!record.isObject()) {
            throw new RejectedPayloadException(
                    DeadLetterReason.MALFORMED_PAYLOAD, "a record must be a JSON object, not " + record.getNodeType());
        }
        ObjectNode object = (ObjectNode) record;
        String subjectValue = value(object, subject)
                .filter(JsonNode::isValueNode)
                .map(JsonNode::asText)
                .filter(text -> !text.isBlank())
                .orElseThrow(() -> new RejectedPayloadException(
                        DeadLetterReason.INVALID_FIELD,
                        "no subject: " + subject + " is missing, empty or not a value"));
        String identity = id.flatMap(pointer -> value(object, pointer))
                .map(value -> "id:" + value.asText())
                .orElseGet(() -> ContentHash.of(object));
        // Payloads leaves the top-level time field out of the attributes; a nested one stays where it is.
        String timeField = time.filter(p -> p.tail() != null && p.tail().matches())
                .map(JsonPointer::getMatchingProperty)
                .orElse("");
        Payloads.Normalized normalized = Payloads.normalize(object, timeField, receivedAt, keepRaw);
        OffsetDateTime eventTime = time.map(
                        pointer -> Payloads.eventTime(object.at(pointer), pointer.toString(), receivedAt))
                .orElse(normalized.time());
        EventData data = metrics.isEmpty()
                ? normalized.data()
                : new EventData(
                        configuredMetrics(object),
                        normalized.data().attributes(),
                        normalized.data().raw());
        return new NormalizedEvent(
                NormalizedEvent.deterministicId(source, subjectValue, identity),
                URI.create(source),
                EventTypes.RECORD,
                subjectValue,
                eventTime,
                data);
    }

    private Map<String, Double> configuredMetrics(ObjectNode record) {
        Map<String, Double> values = new LinkedHashMap<>();
        metrics.forEach((name, pointer) -> value(record, pointer).ifPresent(value -> {
            if (!value.isNumber()) {
                throw new RejectedPayloadException(
                        DeadLetterReason.NON_NUMERIC_VALUE,
                        "metric '" + name + "' (" + pointer + ") is " + value + ", not a number");
            }
            values.put(name, value.doubleValue());
        }));
        return values;
    }

    private static Optional<JsonNode> value(JsonNode record, JsonPointer pointer) {
        JsonNode node = record.at(pointer);
        return node.isMissingNode() || node.isNull() ? Optional.empty() : Optional.of(node);
    }
}
