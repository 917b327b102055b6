package io.tributary.contract.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.tributary.contract.json.Json;
import io.tributary.contract.json.MalformedMessageException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

class EventMessagesTest {
    private static final NormalizedEvent EVENT = new NormalizedEvent(
            "id-1",
            URI.create("/iot/plant"),
            EventTypes.MEASUREMENT,
            "pump-3",
            OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC),
            new EventData(Map.of("flow", 1.5), Map.of("unit", "l/s"), null));

    @Test
    void anEventBecomesACloudEventKeyedByItsSeries() {
        Message<String> message = EventMessages.toMessage(EVENT);
        @SuppressWarnings("unchecked")
        OutgoingCloudEventMetadata<Object> ce =
                message.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow();
        assertEquals("id-1", ce.getId());
        assertEquals(URI.create("/iot/plant"), ce.getSource());
        assertEquals(EventTypes.MEASUREMENT, ce.getType());
        assertEquals("pump-3", ce.getSubject().orElseThrow());
        assertEquals("application/json", ce.getDataContentType().orElseThrow());
        assertEquals(EVENT.time().toInstant(), ce.getTimeStamp().orElseThrow().toInstant());
        assertEquals(
                "/iot/plant|pump-3",
                message.getMetadata(OutgoingKafkaRecordMetadata.class)
                        .orElseThrow()
                        .getKey());
        assertEquals(EVENT.data(), Json.read(message.getPayload(), EventData.class));
    }

    @Test
    void aMessageWithoutCloudEventAttributesIsMalformed() {
        assertThrows(MalformedMessageException.class, () -> EventMessages.fromMessage(Message.of("{}")));
    }

    @Test
    void idsAreDeterministicPerSourceSubjectAndIdentity() {
        assertEquals(NormalizedEvent.deterministicId("/a", "s", "1"), NormalizedEvent.deterministicId("/a", "s", "1"));
        assertNotEquals(
                NormalizedEvent.deterministicId("/a", "s", "1"), NormalizedEvent.deterministicId("/a", "s", "2"));
        assertNotEquals(
                NormalizedEvent.deterministicId("/a", "s", "1"), NormalizedEvent.deterministicId("/b", "s", "1"));
    }
}
