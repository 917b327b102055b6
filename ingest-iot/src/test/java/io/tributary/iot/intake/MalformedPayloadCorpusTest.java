package io.tributary.iot.intake;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.tributary.contract.Topics;
import io.tributary.contract.dlq.DeadLetter;
import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.json.Json;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.MqttTestResource;
import io.tributary.devstack.testing.Records;
import io.tributary.devstack.testing.SharedInfrastructure;
import io.tributary.http.testing.Management;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Malformed payloads in every format, published between good readings: each lands in the DLQ with its reason and its
 * raw bytes exactly (base64 when not UTF-8), the service stays ready, and the good readings all arrive.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MqttTestResource.class)
class MalformedPayloadCorpusTest {
    private record Case(String topic, byte[] payload, DeadLetterReason reason) {}

    private final List<Case> corpus = new ArrayList<>();

    @Test
    void everyMalformedPayloadIsDeadLetteredByteExactWithItsReasonAndGoodReadingsKeepFlowing() {
        jsonObjects();
        plainNumbers();
        senml();
        if (SharedInfrastructure.mqtt().kind().equals("mosquitto")) {
            // Moquette refuses publishes over 8 KB itself: on it, no oversized payload reaches the intake.
            json(DeadLetterReason.OVERSIZE_PAYLOAD, "{\"a\": \"" + "x".repeat(70_000) + "\"}");
            json(DeadLetterReason.OVERSIZE_PAYLOAD, bytes(70_000, (byte) 0xFF));
        }
        assertTrue(corpus.size() >= 50, "corpus of " + corpus.size());

        ConsumerTask<String, String> events =
                SharedInfrastructure.companion().consumeStrings().fromTopics(Topics.EVENTS);
        ConsumerTask<String, String> dlq =
                SharedInfrastructure.companion().consumeStrings().fromTopics(Topics.EVENTS_DLQ);
        try (DevicePublisher device = new DevicePublisher("corpus-device")) {
            for (int i = 0; i < corpus.size(); i++) {
                device.send(corpus.get(i).topic(), corpus.get(i).payload());
                device.send(
                        "tributary/corpus-good/telemetry", ("{\"seq\": " + i + "}").getBytes(StandardCharsets.UTF_8));
            }
            device.flush();
        }

        Map<String, DeadLetter> letters = Awaitility.await()
                .atMost(Records.WAIT)
                .until(
                        () -> lettersByOrigin(dlq),
                        found -> corpus.stream().allMatch(c -> found.containsKey("mqtt:" + c.topic())));
        for (Case c : corpus) {
            DeadLetter letter = letters.get("mqtt:" + c.topic());
            String what = c.topic() + " " + letter.detail();
            assertEquals(c.reason(), letter.reason(), what);
            byte[] raw = DeadLetter.BASE64.equals(letter.rawEncoding())
                    ? Base64.getDecoder().decode(letter.raw())
                    : letter.raw().getBytes(StandardCharsets.UTF_8);
            byte[] expected =
                    c.reason() == DeadLetterReason.OVERSIZE_PAYLOAD ? Arrays.copyOf(c.payload(), 65536) : c.payload();
            assertArrayEquals(expected, raw, what);
        }
        Records.await(events, "/iot/devices|corpus-good", corpus.size());
        given().get(Management.url("/q/health/ready")).then().statusCode(200);
    }

    private void jsonObjects() {
        json(DeadLetterReason.MALFORMED_PAYLOAD, "{\"temperature\": oops");
        json(DeadLetterReason.MALFORMED_PAYLOAD, "{\"a\": 1, \"a\": 2}");
        json(DeadLetterReason.MALFORMED_PAYLOAD, "{\"a\": 1} trailing");
        json(DeadLetterReason.MALFORMED_PAYLOAD, "{\"a\": 1}{\"b\": 2}");
        json(DeadLetterReason.MALFORMED_PAYLOAD, "{'a': 1}");
        json(DeadLetterReason.MALFORMED_PAYLOAD, "{a: 1}");
        json(DeadLetterReason.MALFORMED_PAYLOAD, "{\"a\": 01}");
        json(DeadLetterReason.MALFORMED_PAYLOAD, "{\"a\": 1,}");
        json(DeadLetterReason.MALFORMED_PAYLOAD, "{\"a\": .5}");
        json(DeadLetterReason.MALFORMED_PAYLOAD, "{\"a\": 0x10}");
        json(DeadLetterReason.MALFORMED_PAYLOAD, "{\"a\": " + "1".repeat(2000) + "}");
        json(DeadLetterReason.MALFORMED_PAYLOAD, "[1, 2]");
        json(DeadLetterReason.MALFORMED_PAYLOAD, "{\"s\": \"caf\u00e9 ok\", \"t\": 1".getBytes(StandardCharsets.UTF_8));
        json(DeadLetterReason.MALFORMED_PAYLOAD, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'
        });
        json(DeadLetterReason.MALFORMED_PAYLOAD, new byte[] {'{', '"', 'a', '"', ':', (byte) 0x80, '}'});
        json(DeadLetterReason.MALFORMED_PAYLOAD, new byte[] {'{', '"', (byte) 0xC0, (byte) 0xAF, '"', ':', '1', '}'});
        json(DeadLetterReason.MALFORMED_PAYLOAD, "{\"t\": 1}".getBytes(StandardCharsets.UTF_16LE));
        json(DeadLetterReason.MALFORMED_PAYLOAD, new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, 2, 3, (byte) 0x9C});
        json(
                DeadLetterReason.MALFORMED_PAYLOAD,
                new byte[] {'{', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ':', '1', '}'});
        json(DeadLetterReason.NON_FINITE_VALUE, "{\"temperature\": 1e400}");
        json(DeadLetterReason.NON_FINITE_VALUE, "{\"temperature\": -1e400}");
        json(DeadLetterReason.NON_FINITE_VALUE, "{\"temperature\": NaN}");
        json(DeadLetterReason.NON_FINITE_VALUE, "{\"temperature\": Infinity}");
        json(DeadLetterReason.NON_FINITE_VALUE, "{\"temperature\": -Infinity}");
        json(DeadLetterReason.NON_FINITE_VALUE, "{\"t\": 1, \"gps\": {\"lat\": 1e999}}");
        json(DeadLetterReason.NON_FINITE_VALUE, "{\"t\": 1, \"list\": [1, NaN]}");
        json(DeadLetterReason.NON_FINITE_VALUE, "{\"t\": " + "9".repeat(400) + "}");
        json(DeadLetterReason.TIMESTAMP_OUT_OF_WINDOW, "{\"temperature\": 21.5, \"ts\": \"9999-01-01T00:00:00Z\"}");
        json(DeadLetterReason.TIMESTAMP_OUT_OF_WINDOW, "{\"temperature\": 21.5, \"ts\": \"1970-01-01T00:00:00Z\"}");
        json(DeadLetterReason.TIMESTAMP_OUT_OF_WINDOW, "{\"temperature\": 21.5, \"ts\": 253402300799000}");
        json(DeadLetterReason.TIMESTAMP_OUT_OF_WINDOW, "{\"temperature\": 21.5, \"ts\": 0}");
        json(DeadLetterReason.INVALID_FIELD, "{\"temperature\": 21.5, \"ts\": \"yesterday\"}");
        json(DeadLetterReason.INVALID_FIELD, "{\"temperature\": 21.5, \"ts\": true}");
        json(DeadLetterReason.INVALID_FIELD, "{\"temperature\": 21.5, \"ts\": 1.5e300}");
        json(DeadLetterReason.INVALID_FIELD, "{\"temperature\": 21.5, \"ts\": 99999999999999999999999}");
        json(DeadLetterReason.NON_NUMERIC_VALUE, "{\"temperature\": \"hot\"}");
        json(DeadLetterReason.NON_NUMERIC_VALUE, "{}");
        json(DeadLetterReason.NON_NUMERIC_VALUE, "{\"a\": null}");
        json(DeadLetterReason.NON_NUMERIC_VALUE, "{\"a\": true, \"b\": [1, 2]}");
        json(DeadLetterReason.NON_NUMERIC_VALUE, "{\"a\": \"\\ud800\"}");
        json(DeadLetterReason.NESTING_TOO_DEEP, "{\"a\":".repeat(100) + "1" + "}".repeat(100));
        json(DeadLetterReason.NESTING_TOO_DEEP, "[".repeat(1000) + "]".repeat(1000));
        json(DeadLetterReason.UNKNOWN_FORMAT, "hello");
        json(DeadLetterReason.UNKNOWN_FORMAT, "");
        json(DeadLetterReason.UNKNOWN_FORMAT, "\"just a string\"");
        json(DeadLetterReason.UNKNOWN_FORMAT, "true");
        json(DeadLetterReason.UNKNOWN_FORMAT, "null");
        json(DeadLetterReason.UNKNOWN_FORMAT, "<reading value=\"1\"/>");
    }

    private void plainNumbers() {
        gauge(DeadLetterReason.NON_NUMERIC_VALUE, "abc");
        gauge(DeadLetterReason.NON_NUMERIC_VALUE, "\"21.4\"");
        gauge(DeadLetterReason.NON_NUMERIC_VALUE, "{\"v\": 1}");
        gauge(DeadLetterReason.NON_NUMERIC_VALUE, "21,4");
        gauge(DeadLetterReason.NON_NUMERIC_VALUE, "true");
        gauge(DeadLetterReason.NON_NUMERIC_VALUE, "");
        gauge(DeadLetterReason.NON_FINITE_VALUE, "1e400");
        gauge(DeadLetterReason.NON_FINITE_VALUE, "NaN");
        gauge(DeadLetterReason.NON_FINITE_VALUE, "-Infinity");
        // A plain number on a topic whose template names no metric.
        json(DeadLetterReason.INVALID_FIELD, "21.4");
    }

    private void senml() {
        senml(DeadLetterReason.INVALID_FIELD, "[]");
        senml(DeadLetterReason.INVALID_FIELD, "[{\"v\": 1}]");
        senml(DeadLetterReason.INVALID_FIELD, "[{\"n\": \"a b\", \"v\": 1}]");
        senml(DeadLetterReason.INVALID_FIELD, "[{\"n\": \"-x\", \"v\": 1}]");
        senml(DeadLetterReason.INVALID_FIELD, "[{\"n\": \"x\"}]");
        senml(DeadLetterReason.INVALID_FIELD, "[{\"n\": \"x\", \"v\": 1, \"vb\": true}]");
        senml(DeadLetterReason.INVALID_FIELD, "[{\"n\": \"x\", \"v\": 1, \"t\": \"now\"}]");
        senml(DeadLetterReason.INVALID_FIELD, "[{\"n\": \"x\", \"v\": 1, \"bver\": 11}]");
        senml(DeadLetterReason.INVALID_FIELD, "[{\"n\": \"x\", \"v\": 1, \"foo_\": 1}]");
        senml(DeadLetterReason.INVALID_FIELD, "[{\"n\": \"x\", \"vb\": \"yes\"}]");
        senml(DeadLetterReason.INVALID_FIELD, "[{\"n\": 1, \"v\": 1}]");
        senml(DeadLetterReason.INVALID_FIELD, "[{\"n\": \"x\", \"u\": 5, \"v\": 1}]");
        senml(DeadLetterReason.NON_NUMERIC_VALUE, "[{\"n\": \"x\", \"v\": \"1\"}]");
        senml(DeadLetterReason.NON_FINITE_VALUE, "[{\"n\": \"x\", \"v\": 1e400}]");
        senml(DeadLetterReason.NON_FINITE_VALUE, "[{\"n\": \"x\", \"bv\": 1.5e308, \"v\": 1.5e308}]");
        senml(DeadLetterReason.TIMESTAMP_OUT_OF_WINDOW, "[{\"n\": \"x\", \"v\": 1, \"t\": 4e9}]");
        senml(DeadLetterReason.TIMESTAMP_OUT_OF_WINDOW, "[{\"n\": \"x\", \"v\": 1, \"bt\": 1e300}]");
        senml(DeadLetterReason.MALFORMED_PAYLOAD, "[{\"n\": \"x\", \"v\": 1}, 5]");
        senml(DeadLetterReason.UNKNOWN_FORMAT, "{\"n\": \"x\", \"v\": 1}");
    }

    private void json(DeadLetterReason reason, String payload) {
        json(reason, payload.getBytes(StandardCharsets.UTF_8));
    }

    private void json(DeadLetterReason reason, byte[] payload) {
        add("tributary/corpus-" + corpus.size() + "/telemetry", payload, reason);
    }

    private void gauge(DeadLetterReason reason, String payload) {
        add("gauges/corpus-" + corpus.size() + "/level", payload.getBytes(StandardCharsets.UTF_8), reason);
    }

    private void senml(DeadLetterReason reason, String payload) {
        add("senml/corpus-" + corpus.size(), payload.getBytes(StandardCharsets.UTF_8), reason);
    }

    private void add(String topic, byte[] payload, DeadLetterReason reason) {
        corpus.add(new Case(topic, payload, reason));
    }

    private static byte[] bytes(int length, byte value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return bytes;
    }

    private static Map<String, DeadLetter> lettersByOrigin(ConsumerTask<String, String> dlq) {
        return dlq.getRecords().stream()
                .map(ConsumerRecord::value)
                .map(value -> Json.read(value, DeadLetter.class))
                .collect(Collectors.toMap(DeadLetter::origin, Function.identity(), (a, b) -> a));
    }
}
