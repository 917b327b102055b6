package io.tributary.api.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.tributary.api.source.ApiConfig;
import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.event.Payloads.RejectedPayloadException;
import io.tributary.contract.json.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A record's event as the real configuration mapping describes it, in milliseconds. */
class RecordMapperTest {
    private static final Instant RECEIVED = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void aRecordWithoutItsTimeFieldTakesTheTimeOfReceipt() {
        RecordMapper mapper = mapper(Map.of("subject", "/station", "time", "/ts"));
        NormalizedEvent event = mapper.map(json("{\"station\":\"oslo\",\"temp\":2.5}"), RECEIVED);
        assertEquals(RECEIVED.atOffset(ZoneOffset.UTC), event.time());
        assertEquals(Map.of("temp", 2.5), event.data().metrics());
    }

    @Test
    void nestedFieldsAreReadByPointerAndTheIdFieldIdentifiesTheRecord() {
        RecordMapper mapper = mapper(Map.of(
                "subject", "/meta/device",
                "id", "/meta/seq",
                "time", "/meta/at",
                "metrics.power", "/values/power"));
        String record = "{\"meta\":{\"device\":\"pump-1\",\"seq\":7,\"at\":\"2026-01-01T10:00:00+01:00\"},"
                + "\"values\":{\"power\":3,\"mode\":\"eco\"}}";
        NormalizedEvent event = mapper.map(json(record), RECEIVED);
        assertEquals("pump-1", event.subject());
        assertEquals(Instant.parse("2026-01-01T09:00:00Z"), event.time().toInstant());
        assertEquals(Map.of("power", 3.0), event.data().metrics());
        String changed = record.replace("\"power\":3", "\"power\":4");
        assertEquals(event.id(), mapper.map(json(changed), RECEIVED).id(), "same id field, same event");
    }

    @Test
    void withoutAnIdFieldTheContentIdentifiesTheRecord() {
        RecordMapper mapper = mapper(Map.of("subject", "/id"));
        String id = mapper.map(json("{\"id\":\"a\",\"v\":1}"), RECEIVED).id();
        assertEquals(
                id,
                mapper.map(json("{\"id\":\"a\",\"v\":1}"), RECEIVED.plusSeconds(60))
                        .id());
        assertNotEquals(id, mapper.map(json("{\"id\":\"a\",\"v\":2}"), RECEIVED).id());
    }

    @Test
    void recordsThatCannotBeEventsAreRefusedWithTheirReason() {
        RecordMapper mapper = mapper(Map.of("subject", "/id", "records", "/items", "metrics.v", "/v"));
        assertReason(DeadLetterReason.INVALID_FIELD, () -> mapper.map(json("{\"v\":1}"), RECEIVED));
        assertReason(DeadLetterReason.INVALID_FIELD, () -> mapper.map(json("{\"id\":{\"x\":1}}"), RECEIVED));
        assertReason(
                DeadLetterReason.NON_NUMERIC_VALUE, () -> mapper.map(json("{\"id\":\"a\",\"v\":\"x\"}"), RECEIVED));
        assertReason(DeadLetterReason.MALFORMED_PAYLOAD, () -> mapper.map(json("[1]"), RECEIVED));
        assertReason(DeadLetterReason.INVALID_FIELD, () -> mapper.records(json("{\"data\":[]}")));
        assertReason(DeadLetterReason.INVALID_FIELD, () -> mapper.records(json("{\"items\":3}")));
        assertEquals(2, mapper.records(json("{\"items\":[{},{}]}")).size());
        assertEquals(List.of(json("{\"id\":1}")), mapper.records(json("{\"items\":{\"id\":1}}")));
    }

    private static void assertReason(DeadLetterReason reason, Runnable mapping) {
        assertEquals(
                reason,
                assertThrows(RejectedPayloadException.class, mapping::run).reason());
    }

    private static RecordMapper mapper(Map<String, String> keys) {
        PropertiesConfigSource source = new PropertiesConfigSource(
                keys.entrySet().stream()
                        .collect(
                                Collectors.toMap(e -> "tributary.api.sources.test." + e.getKey(), Map.Entry::getValue)),
                "test",
                500);
        ApiConfig config = new SmallRyeConfigBuilder()
                .withMapping(ApiConfig.class)
                .withSources(source)
                .build()
                .getConfigMapping(ApiConfig.class);
        return new RecordMapper("test", config.sources().get("test"));
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
