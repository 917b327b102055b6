package io.tributary.iot.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.tributary.contract.Topics;
import io.tributary.contract.dlq.DeadLetter;
import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.EventData;
import io.tributary.contract.json.Json;
import io.tributary.devstack.infra.MqttPublisher;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.MqttTestResource;
import io.tributary.devstack.testing.Records;
import io.tributary.devstack.testing.SharedInfrastructure;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real Mosquitto/Moquette in, real Kafka out. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MqttTestResource.class)
class MqttIntakeTest {
    private final KafkaCompanion kafka = SharedInfrastructure.companion();
    private MqttPublisher device;

    @BeforeEach
    void connect() {
        device = new MqttPublisher("127.0.0.1", SharedInfrastructure.mqtt().port(), "test-device");
    }

    @AfterEach
    void disconnect() {
        device.close();
    }

    @Test
    void readingsBecomeMeasurementEventsAndBadPayloadsDeadLettersWithoutStoppingTheChannel() {
        ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics(Topics.EVENTS);
        ConsumerTask<String, String> dlq = kafka.consumeStrings().fromTopics(Topics.EVENTS_DLQ);

        device.publish("tributary/boiler-1/telemetry", "{\"temperature\": 21.5, \"ts\": \"2026-01-01T10:00:00Z\"}");
        device.publish("tributary/boiler-1/telemetry", "{\"temperature\": oops");
        device.publish(
                "tributary/boiler-1/telemetry",
                "{\"temperature\": 22.5, \"humidity\": 40, \"ts\": \"2026-01-01T10:00:01Z\", \"unit\": \"C\"}");

        List<ConsumerRecord<String, String>> received = Records.await(events, "/iot/devices|boiler-1", 2);
        ConsumerRecord<String, String> first = received.get(0);
        assertEquals("io.tributary.measurement.v1", Records.header(first, "ce_type"));
        assertEquals("/iot/devices", Records.header(first, "ce_source"));
        assertEquals("boiler-1", Records.header(first, "ce_subject"));
        assertEquals("1.0", Records.header(first, "ce_specversion"));
        assertEquals("application/json", Records.header(first, "content-type"));
        assertTrue(
                Records.header(first, "ce_time").startsWith("2026-01-01T10:00:00"), Records.header(first, "ce_time"));
        assertEquals(21.5, Json.read(first.value(), EventData.class).metrics().get("temperature"));

        EventData second = Json.read(received.get(1).value(), EventData.class);
        assertEquals(22.5, second.metrics().get("temperature"));
        assertEquals(40.0, second.metrics().get("humidity"));
        assertEquals("C", second.attributes().get("unit"));

        DeadLetter letter =
                Json.read(Records.await(dlq, "/iot/devices", 1).get(0).value(), DeadLetter.class);
        assertEquals(DeadLetterReason.MALFORMED_PAYLOAD, letter.reason());
        assertEquals("{\"temperature\": oops", letter.raw());
        assertEquals("mqtt:tributary/boiler-1/telemetry", letter.origin());
        assertEquals(
                "MALFORMED_PAYLOAD",
                Records.header(Records.await(dlq, "/iot/devices", 1).get(0), "dead-letter-reason"));
    }

    @Test
    void theSameReadingDeliveredTwiceKeepsItsId() {
        ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics(Topics.EVENTS);
        String reading = "{\"temperature\": 19.0, \"ts\": \"2026-01-01T11:00:00Z\"}";
        device.publish("tributary/boiler-2/telemetry", reading);
        device.publish("tributary/boiler-2/telemetry", reading);

        List<ConsumerRecord<String, String>> received = Records.await(events, "/iot/devices|boiler-2", 2);
        assertEquals(Records.header(received.get(0), "ce_id"), Records.header(received.get(1), "ce_id"));
    }
}
