package io.tributary.contract.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.Payloads.RejectedPayloadException;
import java.net.URI;
import java.time.Instant;

/** Builds a record event ({@link EventTypes#RECORD}) from one JSON object of an API response or an upstream topic. */
public final class RecordEvents {
    private RecordEvents() {}

    /**
     * @param subjectField the field naming the entity; when absent from the item, {@code fallbackSubject} is used
     * @param identity what identifies this input at its source (an id field, an offset): same identity, same id
     */
    public static NormalizedEvent of(
            String source,
            ObjectNode item,
            String subjectField,
            String fallbackSubject,
            String timeField,
            String identity,
            Instant receivedAt,
            boolean keepRaw) {
        JsonNode subjectNode = item.get(subjectField);
        String subject = subjectNode != null
                        && !subjectNode.isNull()
                        && !subjectNode.asText().isBlank()
                ? subjectNode.asText()
                : fallbackSubject;
        if (subject == null || subject.isBlank()) {
            throw new RejectedPayloadException(
                    DeadLetterReason.INVALID_FIELD, "no subject: field '" + subjectField + "' is missing or empty");
        }
        Payloads.Normalized normalized = Payloads.normalize(item, timeField, receivedAt, keepRaw);
        return new NormalizedEvent(
                NormalizedEvent.deterministicId(source, subject, identity),
                URI.create(source),
                EventTypes.RECORD,
                subject,
                normalized.time(),
                normalized.data());
    }
}
