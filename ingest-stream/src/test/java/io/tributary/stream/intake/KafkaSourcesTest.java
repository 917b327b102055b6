package io.tributary.stream.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.tributary.contract.Topics;
import io.tributary.contract.dlq.DeadLetter;
import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.EventData;
import io.tributary.contract.json.Json;
import io.tributary.devstack.testing.Records;
import io.tributary.devstack.testing.SharedInfrastructure;
import io.tributary.devstack.testing.UpstreamInfrastructure;
import io.tributary.http.testing.PrometheusText;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Two Kafka sources of another cluster (the JVM's second broker), each with its own mapping, in; normalized events
 * and dead letters out on Tributary's Kafka. Subjects are unique per run: the brokers are shared.
 */
@QuarkusTest
@UpstreamBrokers
class KafkaSourcesTest {
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final KafkaCompanion bus = SharedInfrastructure.companion();

    @Test
    void ordersAreMappedWithTheDefaultSourceAndPaymentsWithTheirOwnMapping() {
        ConsumerTask<String, String> events = bus.consumeStrings().fromTopics(Topics.EVENTS);
        produce(new ProducerRecord<>(
                "upstream.orders",
                "o-" + run,
                bytes("{\"orderId\":\"o-" + run + "\",\"amount\":12.5,\"ts\":\"2026-04-01T09:00:00Z\","
                        + "\"customer\":\"c-9\"}")));
        RecordHeaders headers = new RecordHeaders();
        headers.add("fee", bytes("0.3"));
        headers.add("channel", bytes("app"));
        produce(new ProducerRecord<String, byte[]>(
                "payments.eu",
                null,
                null,
                bytes("{\"paymentId\":\"p-" + run + "\",\"account\":{\"id\":\"a-" + run + "\"},"
                        + "\"amount\":{\"value\":99.9,\"currency\":\"EUR\"},\"booked\":{\"at\":1767225600000}}"),
                headers));

        ConsumerRecord<String, String> order =
                Records.await(events, "/stream/orders|o-" + run, 1).get(0);
        assertEquals("io.tributary.record.v1", Records.header(order, "ce_type"));
        assertTrue(Records.header(order, "ce_time").startsWith("2026-04-01T09:00"));
        EventData orderData = Json.read(order.value(), EventData.class);
        assertEquals(Map.of("amount", 12.5), orderData.metrics());
        assertEquals("c-9", orderData.attributes().get("customer"));

        ConsumerRecord<String, String> payment =
                Records.await(events, "/stream/payments|a-" + run, 1).get(0);
        assertTrue(Records.header(payment, "ce_time").startsWith("2026-01-01T00:00"));
        EventData paymentData = Json.read(payment.value(), EventData.class);
        assertEquals(Map.of("amount", 99.9, "fee", 0.3), paymentData.metrics());
        assertEquals("EUR", paymentData.attributes().get("currency"));
        assertEquals("app", paymentData.attributes().get("channel"));
    }

    @Test
    void cloudEventsPassThroughWithTheirOwnAttributes() {
        ConsumerTask<String, String> events = bus.consumeStrings().fromTopics(Topics.EVENTS);
        RecordHeaders binary = new RecordHeaders();
        binary.add("ce_specversion", bytes("1.0"));
        binary.add("ce_id", bytes("e-" + run));
        binary.add("ce_source", bytes("/shop/orders"));
        binary.add("ce_type", bytes("com.example.order.placed"));
        binary.add("ce_subject", bytes("b-" + run));
        binary.add("ce_time", bytes("2026-02-02T10:00:00Z"));
        binary.add("content-type", bytes("application/json"));
        produce(new ProducerRecord<String, byte[]>("upstream.orders", null, null, bytes("{\"amount\":5}"), binary));
        RecordHeaders structured = new RecordHeaders();
        structured.add("content-type", bytes("application/cloudevents+json"));
        produce(new ProducerRecord<String, byte[]>(
                "upstream.orders",
                null,
                null,
                bytes("{\"specversion\":\"1.0\",\"id\":\"s-" + run + "\",\"source\":\"/shop/returns\","
                        + "\"type\":\"com.example.return\",\"subject\":\"s-" + run + "\",\"data\":{\"items\":2}}"),
                structured));

        ConsumerRecord<String, String> fromBinary =
                Records.await(events, "/shop/orders|b-" + run, 1).get(0);
        assertEquals("/shop/orders", Records.header(fromBinary, "ce_source"));
        assertTrue(Records.header(fromBinary, "ce_time").startsWith("2026-02-02T10:00"));
        EventData binaryData = Json.read(fromBinary.value(), EventData.class);
        assertEquals(Map.of("amount", 5.0), binaryData.metrics());
        assertEquals(
                Map.of("id", "e-" + run, "type", "com.example.order.placed"),
                binaryData.attributes().get("cloudEvent"));
        ConsumerRecord<String, String> fromStructured =
                Records.await(events, "/shop/returns|s-" + run, 1).get(0);
        assertEquals(
                Map.of("items", 2.0),
                Json.read(fromStructured.value(), EventData.class).metrics());
    }

    @Test
    void badRecordsAreDeadLetteredByteForByteAndTheSourceKeepsFlowing() {
        ConsumerTask<String, String> events = bus.consumeStrings().fromTopics(Topics.EVENTS);
        ConsumerTask<String, String> dlq = bus.consumeStrings().fromTopics(Topics.EVENTS_DLQ);
        PrometheusText before = PrometheusText.scrape();
        byte[] latin1 = ("{\"orderId\":\"caf\u00e9-" + run + "\"}").getBytes(StandardCharsets.ISO_8859_1);
        produce(new ProducerRecord<>("upstream.orders", "x-" + run, latin1));
        produce(new ProducerRecord<>(
                "upstream.orders", "y-" + run, bytes("{\"orderId\":\"y-" + run + "\",\"v\":1e400}")));
        produce(new ProducerRecord<>("upstream.orders", "z-" + run, bytes("{\"orderId\":\"z-" + run + "\"}")));

        Records.await(events, "/stream/orders|z-" + run, 1);
        List<DeadLetter> letters =
                Awaitility.await().atMost(Records.WAIT).until(() -> lettersOfThisRun(dlq), found -> found.size() >= 2);
        DeadLetter notUtf8 = letters.stream()
                .filter(l -> DeadLetter.BASE64.equals(l.rawEncoding()))
                .findFirst()
                .orElseThrow();
        assertEquals(DeadLetterReason.MALFORMED_PAYLOAD, notUtf8.reason());
        assertArrayEquals(latin1, Base64.getDecoder().decode(notUtf8.raw()));
        assertTrue(notUtf8.origin().startsWith("kafka:upstream.orders/"), notUtf8.origin());
        assertTrue(letters.stream().anyMatch(l -> l.reason() == DeadLetterReason.NON_FINITE_VALUE), letters::toString);

        given().get("/sources")
                .then()
                .statusCode(200)
                .body("find { it.name == 'upstream' }.connector", is("smallrye-kafka"))
                .body("find { it.name == 'upstream' }.deadLetters.MALFORMED_PAYLOAD", greaterThanOrEqualTo(1))
                .body("find { it.name == 'upstream' }.eventsOut", greaterThanOrEqualTo(1))
                .body("find { it.name == 'upstream' }.lastError.reason", notNullValue());

        // Counted once Kafka acknowledged the event or the letter, which a consumer may see first.
        Awaitility.await().atMost(Records.WAIT).untilAsserted(() -> {
            PrometheusText after = PrometheusText.scrape();
            assertEquals(3, after.increaseSince(before, "tributary_events_in_total", "source", "upstream"));
            assertEquals(1, after.increaseSince(before, "tributary_events_out_total", "source", "upstream"));
            assertEquals(2, after.increaseSince(before, "tributary_events_dlq_total", "source", "upstream"));
            assertEquals(
                    1,
                    after.increaseSince(
                            before, "tributary_events_dlq_total", "source", "upstream", "reason", "MALFORMED_PAYLOAD"));
            assertEquals(
                    1,
                    after.increaseSince(
                            before, "tributary_events_dlq_total", "source", "upstream", "reason", "NON_FINITE_VALUE"));
        });
        assertEquals(1.0, PrometheusText.scrape().value("tributary_source_up", "source", "upstream", "kind", "kafka"));
    }

    private List<DeadLetter> lettersOfThisRun(ConsumerTask<String, String> dlq) {
        return dlq.getRecords().stream()
                .map(record -> Json.read(record.value(), DeadLetter.class))
                .filter(letter -> rawText(letter).contains(run))
                .toList();
    }

    private static String rawText(DeadLetter letter) {
        return DeadLetter.BASE64.equals(letter.rawEncoding())
                ? new String(Base64.getDecoder().decode(letter.raw()), StandardCharsets.ISO_8859_1)
                : letter.raw();
    }

    private static void produce(ProducerRecord<String, byte[]> record) {
        UpstreamInfrastructure.companion()
                .<String, byte[]>produceWithSerializers(new StringSerializer(), new ByteArraySerializer())
                .fromRecords(record)
                .awaitCompletion();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
