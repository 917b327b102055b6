package io.tributary.stream.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.tributary.contract.Topics;
import io.tributary.contract.dlq.DeadLetter;
import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.EventData;
import io.tributary.contract.json.Json;
import io.tributary.devstack.testing.Records;
import io.tributary.devstack.testing.SharedInfrastructure;
import io.tributary.devstack.testing.UpstreamInfrastructure;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RabbitMQ queues in (the machine's RabbitMQ, else embedded Qpid Broker-J): a queue bound to a topic exchange with
 * a JSON mapping from body, headers and AMQP properties, and a plain-text queue; events and dead letters out.
 */
@QuarkusTest
@UpstreamBrokers
class RabbitSourcesTest {
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private Connection connection;
    private Channel channel;

    @BeforeEach
    void connect() throws Exception {
        connection = UpstreamInfrastructure.rabbit().connectionFactory().newConnection("rabbit-sources-test");
        channel = connection.createChannel();
        // As the channels declare them, so that nothing published before their declaration is unroutable.
        channel.exchangeDeclare("test.warehouse", BuiltinExchangeType.TOPIC, true);
        channel.queueDeclare("test.scans", true, false, false, null);
        channel.queueBind("test.scans", "test.warehouse", "scan.#");
        channel.exchangeDeclare("test.levels", BuiltinExchangeType.TOPIC, true);
        channel.queueDeclare("test.levels", true, false, false, null);
        channel.queueBind("test.levels", "test.levels", "#");
    }

    @AfterEach
    void disconnect() throws Exception {
        connection.close();
    }

    @Test
    void scansAreMappedFromBodyHeadersAndProperties() throws Exception {
        ConsumerTask<String, String> events =
                SharedInfrastructure.companion().consumeStrings().fromTopics(Topics.EVENTS);
        String parcel = "parcel-" + run;
        publishScan(
                "scan.hamburg",
                "m-" + run,
                "{\"parcel\":{\"id\":\"" + parcel + "\",\"weightGrams\":1250},\"scannedAt\":\"2026-05-01T08:00:00Z\"}");
        // The same message again (a producer retry): the same event id.
        publishScan(
                "scan.hamburg",
                "m-" + run,
                "{\"parcel\":{\"id\":\"" + parcel + "\",\"weightGrams\":1250},\"scannedAt\":\"2026-05-01T08:00:00Z\"}");

        List<ConsumerRecord<String, String>> scans = Records.await(events, "/stream/scans|" + parcel, 2);
        assertEquals(Records.header(scans.get(0), "ce_id"), Records.header(scans.get(1), "ce_id"));
        assertTrue(Records.header(scans.get(0), "ce_time").startsWith("2026-05-01T08:00"));
        EventData data = Json.read(scans.get(0).value(), EventData.class);
        assertEquals(Map.of("weightGrams", 1250.0), data.metrics());
        assertEquals(Map.of("site", "hamburg", "routingKey", "scan.hamburg"), data.attributes());
    }

    @Test
    void withoutAMessageIdTheContentIdentifiesTheMessageAndTheAmqpTimestampIsTheTime() throws Exception {
        ConsumerTask<String, String> events =
                SharedInfrastructure.companion().consumeStrings().fromTopics(Topics.EVENTS);
        String body = "{\"parcel\":{\"id\":\"anon-" + run + "\",\"weightGrams\":10}}";
        AMQP.BasicProperties stamped = new AMQP.BasicProperties.Builder()
                .timestamp(Date.from(java.time.Instant.parse("2026-06-01T12:00:00Z")))
                .headers(Map.of("site", "lyon"))
                .build();
        channel.basicPublish("test.warehouse", "scan.lyon", stamped, bytes(body));
        channel.basicPublish("test.warehouse", "scan.lyon", stamped, bytes(body));

        List<ConsumerRecord<String, String>> scans = Records.await(events, "/stream/scans|anon-" + run, 2);
        assertEquals(Records.header(scans.get(0), "ce_id"), Records.header(scans.get(1), "ce_id"));
        assertTrue(Records.header(scans.get(0), "ce_time").startsWith("2026-06-01T12:00"));
    }

    @Test
    void aBadMessageIsDeadLetteredAndTheQueueKeepsFlowing() throws Exception {
        ConsumerTask<String, String> events =
                SharedInfrastructure.companion().consumeStrings().fromTopics(Topics.EVENTS);
        ConsumerTask<String, String> dlq =
                SharedInfrastructure.companion().consumeStrings().fromTopics(Topics.EVENTS_DLQ);
        // Declared JSON but not JSON: the connector must hand the bytes over rather than fail decoding them.
        String garbled = "{\"parcel\": oops " + run;
        publishScan("scan.hamburg", "bad-" + run, garbled);
        publishScan("scan.hamburg", "good-" + run, "{\"parcel\":{\"id\":\"after-" + run + "\"}}");

        Records.await(events, "/stream/scans|after-" + run, 1);
        DeadLetter letter = Awaitility.await()
                .atMost(Records.WAIT)
                .until(
                        () -> dlq.getRecords().stream()
                                .map(r -> Json.read(r.value(), DeadLetter.class))
                                .filter(l -> garbled.equals(l.raw()))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertEquals(DeadLetterReason.MALFORMED_PAYLOAD, letter.reason());
        assertEquals("/stream/scans", letter.source());
        assertEquals("amqp:test.warehouse/scan.hamburg#bad-" + run, letter.origin());

        given().get("/sources")
                .then()
                .statusCode(200)
                .body("find { it.name == 'scans' }.connector", is("smallrye-rabbitmq"))
                .body("find { it.name == 'scans' }.state", is("RUNNING"))
                .body("find { it.name == 'scans' }.deadLetters.MALFORMED_PAYLOAD", greaterThanOrEqualTo(1))
                .body("find { it.name == 'scans' }.eventsOut", greaterThanOrEqualTo(1));
    }

    @Test
    void plainTextLevelsBecomeMetrics() throws Exception {
        ConsumerTask<String, String> events =
                SharedInfrastructure.companion().consumeStrings().fromTopics(Topics.EVENTS);
        AMQP.BasicProperties tank = new AMQP.BasicProperties.Builder()
                .contentType("text/plain")
                .headers(Map.of("tank", "tank-" + run))
                .build();
        channel.basicPublish("test.levels", "north", tank, bytes("71.5"));

        ConsumerRecord<String, String> level =
                Records.await(events, "/stream/levels|tank-" + run, 1).get(0);
        assertEquals(
                Map.of("value", 71.5), Json.read(level.value(), EventData.class).metrics());
    }

    private void publishScan(String routingKey, String messageId, String body) throws Exception {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .messageId(messageId)
                .contentType("application/json")
                .headers(Map.of("site", routingKey.substring(routingKey.indexOf('.') + 1)))
                .build();
        channel.basicPublish("test.warehouse", routingKey, properties, bytes(body));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
