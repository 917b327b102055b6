package io.tributary.iot.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.tributary.contract.Topics;
import io.tributary.contract.dlq.DeadLetter;
import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.EventData;
import io.tributary.contract.json.Json;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.MqttTestResource;
import io.tributary.devstack.testing.Records;
import io.tributary.devstack.testing.SharedInfrastructure;
import io.tributary.http.testing.Management;
import io.tributary.http.testing.PrometheusText;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real Mosquitto (or Moquette where it is not installed) in, real Kafka out. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MqttTestResource.class)
class MqttIntakeTest {
    private final KafkaCompanion kafka = SharedInfrastructure.companion();
    private DevicePublisher device;

    @Inject
    MqttIntake intake;

    @BeforeEach
    void connect() {
        device = new DevicePublisher("test-device");
    }

    @AfterEach
    void disconnect() {
        device.close();
    }

    @Test
    void readingsBecomeMeasurementEventsAndBadPayloadsDeadLettersWithoutStoppingTheChannel() {
        ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics(Topics.EVENTS);
        ConsumerTask<String, String> dlq = kafka.consumeStrings().fromTopics(Topics.EVENTS_DLQ);
        String recent = Instant.now().minusSeconds(60).toString();

        device.publish("tributary/boiler-1/telemetry", "{\"temperature\": 21.5, \"ts\": \"" + recent + "\"}");
        device.publish("tributary/boiler-1/telemetry", "{\"temperature\": oops");
        device.publish("tributary/boiler-1/telemetry", "{\"temperature\": 22.5, \"humidity\": 40, \"unit\": \"C\"}");

        List<ConsumerRecord<String, String>> received = Records.await(events, "/iot/devices|boiler-1", 2);
        ConsumerRecord<String, String> first = received.get(0);
        assertEquals("io.tributary.measurement.v1", Records.header(first, "ce_type"));
        assertEquals("/iot/devices", Records.header(first, "ce_source"));
        assertEquals("boiler-1", Records.header(first, "ce_subject"));
        assertEquals("1.0", Records.header(first, "ce_specversion"));
        assertEquals("application/json", Records.header(first, "content-type"));
        assertEquals(Instant.parse(recent), Instant.parse(Records.header(first, "ce_time")));
        assertEquals(21.5, Json.read(first.value(), EventData.class).metrics().get("temperature"));

        EventData second = Json.read(received.get(1).value(), EventData.class);
        assertEquals(22.5, second.metrics().get("temperature"));
        assertEquals(40.0, second.metrics().get("humidity"));
        assertEquals("C", second.attributes().get("unit"));

        ConsumerRecord<String, String> letterRecord = letterFrom(dlq, "mqtt:tributary/boiler-1/telemetry");
        DeadLetter letter = Json.read(letterRecord.value(), DeadLetter.class);
        assertEquals(DeadLetterReason.MALFORMED_PAYLOAD, letter.reason());
        assertEquals("{\"temperature\": oops", letter.raw());
        assertEquals("MALFORMED_PAYLOAD", Records.header(letterRecord, "dead-letter-reason"));
    }

    @Test
    void theSameReadingDeliveredTwiceKeepsItsId() {
        ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics(Topics.EVENTS);
        String reading = "{\"temperature\": 19.0, \"ts\": \"" + Instant.now().minusSeconds(5) + "\"}";
        device.publish("tributary/boiler-2/telemetry", reading);
        device.publish("tributary/boiler-2/telemetry", reading);

        List<ConsumerRecord<String, String>> received = Records.await(events, "/iot/devices|boiler-2", 2);
        assertEquals(Records.header(received.get(0), "ce_id"), Records.header(received.get(1), "ce_id"));
    }

    @Test
    void senmlPacksAndPlainNumbersOnTemplatedTopicsBecomeEvents() {
        ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics(Topics.EVENTS);
        // RFC 8428 section 5.1.2.
        device.publish(
                "senml/rfc-dev",
                "[{\"bn\":\"urn:dev:ow:10e2073a01080063:\",\"n\":\"voltage\",\"u\":\"V\",\"v\":120.1},"
                        + "{\"n\":\"current\",\"u\":\"A\",\"v\":1.2}]");
        device.publish("sites/berlin/devices/pump-7/pressure", "21.4");

        List<ConsumerRecord<String, String>> senml = Records.await(events, "/iot/senml|rfc-dev", 2);
        EventData voltage = Json.read(senml.get(0).value(), EventData.class);
        assertEquals(120.1, voltage.metrics().get("urn:dev:ow:10e2073a01080063:voltage"));
        assertEquals("V", voltage.attributes().get("unit"));
        assertEquals(
                1.2,
                Json.read(senml.get(1).value(), EventData.class).metrics().get("urn:dev:ow:10e2073a01080063:current"));

        EventData pressure =
                Json.read(Records.await(events, "/iot/plant|pump-7", 1).get(0).value(), EventData.class);
        assertEquals(21.4, pressure.metrics().get("pressure"));
        assertEquals("berlin", pressure.attributes().get("site"));
    }

    @Test
    void devicesAndMetricsShowWhatWasReceived() {
        ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics(Topics.EVENTS);
        ConsumerTask<String, String> dlq = kafka.consumeStrings().fromTopics(Topics.EVENTS_DLQ);
        PrometheusText before = PrometheusText.scrape();
        device.publish("gauges/gauge-1/level", "3.5");
        device.publish("gauges/gauge-1/level", "Infinity");
        Records.await(events, "/iot/gauges|gauge-1", 1);
        letterFrom(dlq, "mqtt:gauges/gauge-1/level");

        given().when()
                .get("/devices")
                .then()
                .statusCode(200)
                .body("find { it.device == 'gauge-1' }.source", equalTo("/iot/gauges"))
                .body("find { it.device == 'gauge-1' }.messages", equalTo(2))
                .body("find { it.device == 'gauge-1' }.deadLetters", equalTo(1))
                .body("find { it.device == 'gauge-1' }.lastError.reason", equalTo("NON_FINITE_VALUE"));
        given().when().get("/devices?silentFor=PT1H").then().statusCode(200).body("device", equalTo(List.of()));

        // Counted once Kafka acknowledged, which the consumer seeing the records does not wait for.
        Awaitility.await().atMost(Records.WAIT).untilAsserted(() -> {
            PrometheusText after = PrometheusText.scrape();
            assertEquals(2, after.increaseSince(before, "tributary_events_in_total", "source", "gauge"));
            assertEquals(1, after.increaseSince(before, "tributary_events_out_total", "source", "gauge"));
            assertEquals(
                    1,
                    after.increaseSince(
                            before, "tributary_events_dlq_total", "source", "gauge", "reason", "NON_FINITE_VALUE"));
            assertEquals(1, after.increaseSince(before, "tributary_iot_event_lag_seconds_count", "source", "gauge"));
            // A histogram, so Prometheus can compute the lag's quantiles: the reading was stamped on receipt.
            assertTrue(after.has("tributary_iot_event_lag_seconds_bucket", "source", "gauge", "le", "+Inf"));
        });
        Awaitility.await()
                .atMost(Records.WAIT)
                .untilAsserted(() -> assertEquals(
                        1.0, PrometheusText.scrape().value("tributary_source_up", "source", "gauge", "kind", "mqtt")));
    }

    @Test
    void readingsPublishedWhileTheIntakeIsStoppedAllArriveOnceItStartsAgain() {
        ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics(Topics.EVENTS);
        intake.stop();
        Awaitility.await().atMost(Records.WAIT).until(() -> !intake.isSubscribed());
        assertEquals(0.0, PrometheusText.scrape().value("tributary_source_up", "source", "telemetry", "kind", "mqtt"));
        Instant t0 = Instant.now().minusSeconds(3600);
        for (int i = 0; i < 1000; i++) {
            String reading = "{\"temperature\": " + i + ", \"ts\": \"" + t0.plusMillis(i) + "\"}";
            device.send("tributary/restart-" + (i % 10) + "/telemetry", reading.getBytes(StandardCharsets.UTF_8));
        }
        device.flush();
        intake.start();

        Awaitility.await().atMost(Records.WAIT.multipliedBy(2)).until(() -> distinctIds(events, "restart-") == 1000);
    }

    @Test
    void anOversizedPayloadIsDeadLetteredWithItsStartAndTheChannelKeepsFlowing() {
        assumeTrue(
                SharedInfrastructure.mqtt().kind().equals("mosquitto"),
                "Moquette's embedded broker refuses publishes over 8 KB itself, so none reaches the intake");
        ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics(Topics.EVENTS);
        ConsumerTask<String, String> dlq = kafka.consumeStrings().fromTopics(Topics.EVENTS_DLQ);
        byte[] huge = ("{\"temperature\": 1, \"pad\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        device.publish("tributary/huge-1/telemetry", huge);
        device.publish("tributary/huge-2/telemetry", "{\"temperature\": 20}");

        Records.await(events, "/iot/devices|huge-2", 1);
        DeadLetter letter =
                Json.read(letterFrom(dlq, "mqtt:tributary/huge-1/telemetry").value(), DeadLetter.class);
        assertEquals(DeadLetterReason.OVERSIZE_PAYLOAD, letter.reason());
        assertArrayEquals(Arrays.copyOf(huge, 65536), letter.raw().getBytes(StandardCharsets.UTF_8));
        given().get(Management.url("/q/health/ready")).then().statusCode(200);
    }

    static ConsumerRecord<String, String> letterFrom(ConsumerTask<String, String> dlq, String origin) {
        return Awaitility.await()
                .atMost(Records.WAIT)
                .until(
                        () -> dlq.getRecords().stream()
                                .filter(r -> origin.equals(
                                        Json.read(r.value(), DeadLetter.class).origin()))
                                .findFirst(),
                        found -> found.isPresent())
                .orElseThrow();
    }

    private static long distinctIds(ConsumerTask<String, String> events, String devicePrefix) {
        Set<String> ids = events.getRecords().stream()
                .filter(r -> r.key().startsWith("/iot/devices|" + devicePrefix))
                .map(r -> Records.header(r, "ce_id"))
                .collect(Collectors.toSet());
        return ids.size();
    }
}
