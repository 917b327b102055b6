package io.tributary.contract.event;

import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.tributary.contract.json.Json;
import io.tributary.contract.json.MalformedMessageException;
import java.time.ZoneOffset;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Maps a {@link NormalizedEvent} to and from a Kafka message in CloudEvents binary content mode. The Kafka connector
 * turns the CloudEvent metadata into {@code ce_*} headers (and back), so no service writes those headers by hand.
 */
public final class EventMessages {
    public static final String JSON = "application/json";

    private EventMessages() {}

    public static Message<String> toMessage(NormalizedEvent event) {
        return toMessage(event, new RecordHeaders());
    }

    /** @param headers further headers of the record, such as its trace context ({@code traceparent}) */
    public static Message<String> toMessage(NormalizedEvent event, Headers headers) {
        OutgoingCloudEventMetadata<Object> ce = OutgoingCloudEventMetadata.builder()
                .withId(event.id())
                .withSource(event.source())
                .withType(event.type())
                .withSubject(event.subject())
                .withTimestamp(event.time().toZonedDateTime())
                .withDataContentType(JSON)
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.seriesKey())
                .withHeaders(headers)
                .build();
        return Message.of(Json.write(event.data()), Metadata.of(ce, kafka));
    }

    /** Reads an event received from {@code tributary.events}; one without CloudEvent attributes is malformed. */
    @SuppressWarnings("unchecked")
    public static NormalizedEvent fromMessage(Message<String> message) {
        IncomingCloudEventMetadata<Object> ce = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new MalformedMessageException("no CloudEvent attributes (ce_* headers)"));
        String subject = ce.getSubject().orElseThrow(() -> new MalformedMessageException("no CloudEvent subject"));
        return new NormalizedEvent(
                ce.getId(),
                ce.getSource(),
                ce.getType(),
                subject,
                ce.getTimeStamp()
                        .map(t -> t.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC))
                        .orElseThrow(() -> new MalformedMessageException("no CloudEvent time")),
                Json.read(message.getPayload(), EventData.class));
    }
}
