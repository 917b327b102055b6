package io.tributary.iot.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.EventTypes;
import io.tributary.contract.event.Payloads.RejectedPayloadException;
import io.tributary.iot.intake.IotConfig;
import io.tributary.iot.subscription.Subscriptions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every payload format, against the real configuration mapping; RFC 8428's own examples for SenML. */
class PayloadDecoderTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final IotConfig CONFIG = TestConfigs.iot(Map.of(
            "tributary.iot.subscriptions.json.topic", "tributary/{device}/telemetry",
            "tributary.iot.subscriptions.plant.topic", "sites/{site}/devices/{device}/{metric}",
            "tributary.iot.subscriptions.senml.topic", "senml/{device}",
            "tributary.iot.subscriptions.senml.format", "senml",
            "tributary.iot.subscriptions.senml.max-age", "P36500D",
            "tributary.iot.subscriptions.epoch.topic", "epoch/{device}",
            "tributary.iot.subscriptions.epoch.format", "json",
            "tributary.iot.subscriptions.epoch.time-field", "t",
            "tributary.iot.subscriptions.epoch.time-format", "epoch-seconds"));
    private final Subscriptions subscriptions = new Subscriptions(CONFIG);
    private final PayloadDecoder decoder = new PayloadDecoder(CONFIG);

    @Test
    void jsonObjectNumericFieldsAreMetricsOthersAttributesAndTheTimeFieldTheTime() {
        Reading reading = single(
                "tributary/boiler-1/telemetry",
                "{\"temperature\": 21.5, \"unit\": \"C\", \"ts\": \"2026-03-01T11:59:00Z\"}");
        assertEquals("boiler-1", reading.device());
        assertEquals(Map.of("temperature", 21.5), reading.metrics());
        assertEquals(Map.of("unit", "C"), reading.attributes());
        assertEquals(Instant.parse("2026-03-01T11:59:00Z"), reading.time());
        assertEquals(EventTypes.MEASUREMENT, reading.type());
    }

    @Test
    void aStampedReadingIsIdentifiedByItsTimeAndMetricsNotItsBytes() {
        Reading compact = single("tributary/b/telemetry", "{\"t1\":1,\"ts\":1772366340000}");
        Reading spaced = single("tributary/b/telemetry", "{ \"ts\": 1772366340000, \"t1\": 1.0 }");
        assertEquals(compact.identity(), spaced.identity());
        assertEquals(Instant.ofEpochMilli(1772366340000L), compact.time());
    }

    @Test
    void unstampedReadingsOfTheSameValueStayDistinctReadings() {
        Reading first = decode("tributary/b/telemetry", "{\"t1\": 1}", NOW).get(0);
        Reading later = decode("tributary/b/telemetry", "{\"t1\": 1}", NOW.plusSeconds(60))
                .get(0);
        assertNotEquals(first.identity(), later.identity());
        assertEquals(NOW, first.time());
    }

    @Test
    void epochSecondsWithFractions() {
        Reading reading = single("epoch/d", "{\"t\": 1772366340.25, \"v\": 3}");
        assertEquals(Instant.parse("2026-03-01T11:59:00.250Z"), reading.time());
    }

    @Test
    void plainNumberTakesItsMetricFromTheTopicAndOtherLevelsBecomeAttributes() {
        Reading reading = single("sites/berlin/devices/pump-1/pressure", "21.4");
        assertEquals("pump-1", reading.device());
        assertEquals(Map.of("pressure", 21.4), reading.metrics());
        assertEquals(Map.of("site", "berlin"), reading.attributes());
        assertEquals(NOW, reading.time());
    }

    @Test
    void aJsonObjectOnATemplatedTopicGetsTheTopicAttributesToo() {
        Reading reading = single("sites/berlin/devices/pump-1/all", "{\"pressure\": 2}");
        assertEquals(Map.of("site", "berlin"), reading.attributes());
    }

    @Test
    void senmlSingleDatapointRfc8428Section511IsRelativeToReceipt() {
        Reading reading = single("senml/d", "[{\"n\":\"urn:dev:ow:10e2073a01080063\",\"u\":\"Cel\",\"v\":23.1}]");
        assertEquals(Map.of("urn:dev:ow:10e2073a01080063", 23.1), reading.metrics());
        assertEquals("Cel", reading.attributes().get("unit"));
        assertEquals(NOW, reading.time());
    }

    @Test
    void senmlMultipleDatapointsRfc8428Section512ResolveTheBaseName() {
        List<Reading> readings = decode(
                "senml/d",
                "[{\"bn\":\"urn:dev:ow:10e2073a01080063:\",\"n\":\"voltage\",\"u\":\"V\",\"v\":120.1},"
                        + "{\"n\":\"current\",\"u\":\"A\",\"v\":1.2}]",
                NOW);
        assertEquals(
                Map.of("urn:dev:ow:10e2073a01080063:voltage", 120.1),
                readings.get(0).metrics());
        assertEquals(
                Map.of("urn:dev:ow:10e2073a01080063:current", 1.2),
                readings.get(1).metrics());
        assertEquals("A", readings.get(1).attributes().get("unit"));
    }

    @Test
    void senmlMultipleMeasurementsRfc8428Section513ResolveBaseTimeAndUnitExactly() {
        List<Reading> readings = decode(
                "senml/d",
                "[{\"bn\":\"urn:dev:ow:10e2073a0108006:\",\"bt\":1.276020076001e+09,\"bu\":\"A\",\"bver\":5,"
                        + "\"n\":\"voltage\",\"u\":\"V\",\"v\":120.1},"
                        + "{\"n\":\"current\",\"t\":-5,\"v\":1.2},{\"n\":\"current\",\"t\":-4,\"v\":1.3},"
                        + "{\"n\":\"current\",\"t\":-3,\"v\":1.4},{\"n\":\"current\",\"t\":-2,\"v\":1.5},"
                        + "{\"n\":\"current\",\"t\":-1,\"v\":1.6},{\"n\":\"current\",\"v\":1.7}]",
                NOW);
        assertEquals(7, readings.size());
        assertEquals(Instant.parse("2010-06-08T18:01:16.001Z"), readings.get(0).time());
        assertEquals("V", readings.get(0).attributes().get("unit"));
        assertEquals(Instant.parse("2010-06-08T18:01:11.001Z"), readings.get(1).time());
        assertEquals("A", readings.get(1).attributes().get("unit"));
        assertEquals(
                Map.of("urn:dev:ow:10e2073a0108006:current", 1.7),
                readings.get(6).metrics());
        assertEquals(Instant.parse("2010-06-08T18:01:16.001Z"), readings.get(6).time());
    }

    @Test
    void senmlMultipleDataTypesRfc8428Section515KeepOneEventPerRecord() {
        List<Reading> readings = decode(
                "senml/d",
                "[{\"bn\":\"urn:dev:ow:10e2073a01080063:\",\"bt\":1.320067464e+09,\"bu\":\"%RH\",\"v\":20},"
                        + "{\"u\":\"lon\",\"v\":24.30621},{\"u\":\"lat\",\"v\":60.07965},"
                        + "{\"t\":60,\"v\":20.3},{\"u\":\"lon\",\"t\":60,\"v\":24.30622}]",
                NOW);
        assertEquals(5, readings.size());
        assertEquals("%RH", readings.get(0).attributes().get("unit"));
        assertEquals("lon", readings.get(1).attributes().get("unit"));
        assertEquals(readings.get(0).time(), readings.get(1).time());
        assertNotEquals(readings.get(0).identity(), readings.get(1).identity());
        assertEquals(Instant.parse("2011-10-31T13:25:24Z"), readings.get(3).time());
    }

    @Test
    void senmlBaseValueAddsAndStringAndBooleanValuesBecomeRecordEvents() {
        List<Reading> readings = decode(
                "senml/d",
                "[{\"bn\":\"dev/\",\"bv\":10,\"n\":\"a\",\"v\":1.5},{\"n\":\"b\",\"v\":2},"
                        + "{\"n\":\"state\",\"vs\":\"open\"},{\"n\":\"door\",\"vb\":true},{\"bt\":-10,\"n\":\"c\",\"v\":0}]",
                NOW);
        assertEquals(Map.of("dev/a", 11.5), readings.get(0).metrics());
        assertEquals(Map.of("dev/b", 12.0), readings.get(1).metrics());
        assertEquals(EventTypes.RECORD, readings.get(2).type());
        assertEquals("open", readings.get(2).attributes().get("value"));
        assertEquals(true, readings.get(3).attributes().get("value"));
        assertEquals(NOW.minusSeconds(10), readings.get(4).time());
    }

    @Test
    void rejectionsCarryTheirReason() {
        assertReason(DeadLetterReason.NON_FINITE_VALUE, "tributary/d/telemetry", "{\"temperature\": 1e400}");
        assertReason(DeadLetterReason.NON_FINITE_VALUE, "tributary/d/telemetry", "{\"temperature\": NaN}");
        assertReason(DeadLetterReason.NON_FINITE_VALUE, "sites/s/devices/d/m", "-Infinity");
        assertReason(DeadLetterReason.NON_FINITE_VALUE, "senml/d", "[{\"n\":\"x\",\"bv\":1e308,\"v\":1e308}]");
        assertReason(
                DeadLetterReason.TIMESTAMP_OUT_OF_WINDOW,
                "tributary/d/telemetry",
                "{\"t\": 1, \"ts\": \"9999-01-01T00:00:00Z\"}");
        assertReason(
                DeadLetterReason.TIMESTAMP_OUT_OF_WINDOW,
                "tributary/d/telemetry",
                "{\"t\": 1, \"ts\": \"2026-02-01T00:00:00Z\"}");
        assertReason(DeadLetterReason.NON_NUMERIC_VALUE, "tributary/d/telemetry", "{\"temperature\": \"hot\"}");
        assertReason(DeadLetterReason.NON_NUMERIC_VALUE, "senml/d", "[{\"n\":\"x\",\"v\":\"1\"}]");
        assertReason(DeadLetterReason.UNKNOWN_FORMAT, "tributary/d/telemetry", "hello");
        assertReason(DeadLetterReason.UNKNOWN_FORMAT, "senml/d", "{\"n\": 1}");
        assertReason(DeadLetterReason.MALFORMED_PAYLOAD, "tributary/d/telemetry", "{\"a\": 1, \"a\": 2}");
        assertReason(
                DeadLetterReason.NESTING_TOO_DEEP,
                "tributary/d/telemetry",
                "{\"a\":".repeat(40) + "1" + "}".repeat(40));
        assertReason(DeadLetterReason.INVALID_FIELD, "tributary//telemetry", "{\"t\": 1}");
        assertReason(DeadLetterReason.INVALID_FIELD, "senml/d", "[{\"n\":\"bad name\",\"v\":1}]");
        assertReason(DeadLetterReason.INVALID_FIELD, "senml/d", "[{\"n\":\"x\",\"v\":1,\"vs\":\"a\"}]");
        assertReason(DeadLetterReason.INVALID_FIELD, "senml/d", "[{\"n\":\"x\",\"v\":1,\"xyz_\":1}]");
        assertReason(
                DeadLetterReason.OVERSIZE_PAYLOAD, "tributary/d/telemetry", "{\"a\":\"" + "x".repeat(70_000) + "\"}");
    }

    @Test
    void invalidUtf8IsMalformed() {
        byte[] payload = {'{', '"', 't', '"', ':', '1', ',', '"', 's', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'
        };
        RejectedPayloadException e = assertThrows(
                RejectedPayloadException.class, () -> decoder.decode(incoming("tributary/d/telemetry", payload, NOW)));
        assertEquals(DeadLetterReason.MALFORMED_PAYLOAD, e.reason());
    }

    @Test
    void rawIsKeptOnlyWhenConfigured() {
        assertNull(single("tributary/d/telemetry", "{\"t\": 1}").raw());
    }

    private void assertReason(DeadLetterReason reason, String topic, String payload) {
        RejectedPayloadException e =
                assertThrows(RejectedPayloadException.class, () -> decode(topic, payload, NOW), payload);
        assertEquals(reason, e.reason(), payload + ": " + e.getMessage());
    }

    private Reading single(String topic, String payload) {
        List<Reading> readings = decode(topic, payload, NOW);
        assertEquals(1, readings.size());
        return readings.get(0);
    }

    private List<Reading> decode(String topic, String payload, Instant receivedAt) {
        return decoder.decode(incoming(topic, payload.getBytes(StandardCharsets.UTF_8), receivedAt));
    }

    private Incoming incoming(String topic, byte[] payload, Instant receivedAt) {
        Subscriptions.Matched matched = subscriptions.route(topic).orElseThrow();
        return new Incoming(matched.subscription().config(), topic, matched.levels(), payload, receivedAt);
    }
}
