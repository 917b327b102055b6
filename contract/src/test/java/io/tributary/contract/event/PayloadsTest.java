package io.tributary.contract.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.Payloads.RejectedPayloadException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadsTest {
    private static final Instant RECEIVED = Instant.parse("2026-05-05T05:05:05Z");

    @Test
    void numbersBecomeMetricsTheRestAttributesAndTheTimeFieldTheEventTime() {
        Payloads.Normalized n = Payloads.normalize(
                Payloads.parseObject("{\"t\": 21.4, \"rh\": 40, \"ts\": \"2026-01-01T10:00:00+02:00\", "
                        + "\"tags\": {\"room\": \"a\"}, \"ok\": true}"),
                "ts",
                RECEIVED,
                false);
        assertEquals(Map.of("t", 21.4, "rh", 40.0), n.data().metrics());
        assertEquals(Map.of("tags", Map.of("room", "a"), "ok", true), n.data().attributes());
        assertEquals(Instant.parse("2026-01-01T08:00:00Z"), n.time().toInstant());
        assertNull(n.data().raw());
    }

    @Test
    void epochMillisAndAbsentTimesAreAccepted() {
        assertEquals(
                Instant.ofEpochMilli(1_700_000_000_000L),
                Payloads.normalize(Payloads.parseObject("{\"ts\": 1700000000000}"), "ts", RECEIVED, false)
                        .time()
                        .toInstant());
        assertEquals(
                RECEIVED,
                Payloads.normalize(Payloads.parseObject("{\"v\": 1}"), "ts", RECEIVED, false)
                        .time()
                        .toInstant());
    }

    @Test
    void badInputIsRejectedWithAReason() {
        assertEquals(
                DeadLetterReason.MALFORMED_PAYLOAD,
                assertThrows(RejectedPayloadException.class, () -> Payloads.parseObject("{oops"))
                        .reason());
        assertEquals(
                DeadLetterReason.MALFORMED_PAYLOAD,
                assertThrows(RejectedPayloadException.class, () -> Payloads.parseObject("[1, 2]"))
                        .reason());
        assertEquals(
                DeadLetterReason.INVALID_FIELD,
                assertThrows(
                                RejectedPayloadException.class,
                                () -> Payloads.normalize(
                                        Payloads.parseObject("{\"ts\": \"yesterday\"}"), "ts", RECEIVED, false))
                        .reason());
    }

    @Test
    void numbersBeyondADoubleAreRejectedAsNonFiniteWhereverTheyAre() {
        for (String payload : new String[] {"{\"t\": 1e400}", "{\"t\": -1e400}", "{\"tags\": {\"x\": [1, 2e999]}}"}) {
            RejectedPayloadException rejected = assertThrows(
                    RejectedPayloadException.class,
                    () -> Payloads.normalize(Payloads.parseObject(payload), "ts", RECEIVED, false),
                    payload);
            assertEquals(DeadLetterReason.NON_FINITE_VALUE, rejected.reason(), payload);
        }
    }
}
