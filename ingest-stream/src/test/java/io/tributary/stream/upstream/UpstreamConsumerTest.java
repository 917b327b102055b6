package io.tributary.stream.upstream;

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
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.Records;
import io.tributary.devstack.testing.SharedInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Upstream records in, normalized events out, on a real broker. The upstream "cluster" is the same broker here
 * (another topic); the channel's own bootstrap servers point elsewhere in production.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class UpstreamConsumerTest {

    @Test
    void upstreamRecordsBecomeRecordEventsAndPoisonRecordsDeadLetters() {
        KafkaCompanion kafka = SharedInfrastructure.companion();
        ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics(Topics.EVENTS);
        ConsumerTask<String, String> dlq = kafka.consumeStrings().fromTopics(Topics.EVENTS_DLQ);
        kafka.produceStrings()
                .fromRecords(
                        new ProducerRecord<>(
                                "upstream.orders",
                                "o-1",
                                "{\"orderId\":\"o-1\",\"amount\":12.5,"
                                        + "\"ts\":\"2026-04-01T09:00:00Z\",\"customer\":\"c-9\"}"),
                        new ProducerRecord<>("upstream.orders", "o-2", "<xml/>"),
                        new ProducerRecord<>("upstream.orders", "o-3", "{\"amount\":7}"))
                .awaitCompletion();

        ConsumerRecord<String, String> order =
                Records.await(events, "/stream/orders|o-1", 1).get(0);
        assertEquals("io.tributary.record.v1", Records.header(order, "ce_type"));
        assertTrue(Records.header(order, "ce_time").startsWith("2026-04-01T09:00"));
        EventData data = Json.read(order.value(), EventData.class);
        assertEquals(12.5, data.metrics().get("amount"));
        assertEquals("c-9", data.attributes().get("customer"));
        // No orderId field: the record key is the subject.
        Records.await(events, "/stream/orders|o-3", 1);

        DeadLetter letter =
                Json.read(Records.await(dlq, "/stream/orders", 1).get(0).value(), DeadLetter.class);
        assertEquals(DeadLetterReason.MALFORMED_PAYLOAD, letter.reason());
        assertEquals("<xml/>", letter.raw());
        assertTrue(letter.origin().startsWith("kafka:upstream.orders/"), letter.origin());
    }
}
