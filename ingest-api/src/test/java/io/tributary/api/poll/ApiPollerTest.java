package io.tributary.api.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.tributary.contract.Topics;
import io.tributary.contract.dlq.DeadLetter;
import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.EventData;
import io.tributary.contract.json.Json;
import io.tributary.devstack.infra.JsonHttpServer;
import io.tributary.devstack.infra.Ports;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.Records;
import io.tributary.devstack.testing.SharedInfrastructure;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A real HTTP API polled through the REST client, real Kafka out. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(ApiPollerTest.UpstreamApi.class)
class ApiPollerTest {
    static final AtomicReference<String> BODY = new AtomicReference<>("[]");

    public static class UpstreamApi implements QuarkusTestResourceLifecycleManager {
        private JsonHttpServer server;

        @Override
        public Map<String, String> start() {
            server = new JsonHttpServer(Ports.free(), "/api/weather", BODY::get);
            return Map.of("quarkus.rest-client.source-api.url", server.url());
        }

        @Override
        public void stop() {
            server.close();
        }
    }

    @Test
    void eachItemBecomesOneRecordEventAndUnchangedItemsAreNotRepublished() {
        KafkaCompanion kafka = SharedInfrastructure.companion();
        ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics(Topics.EVENTS);
        ConsumerTask<String, String> dlq = kafka.consumeStrings().fromTopics(Topics.EVENTS_DLQ);

        BODY.set("[{\"station\":\"oslo\",\"temp\":3.5,\"ts\":\"2026-02-01T08:00:00Z\",\"sky\":\"clear\"},"
                + "\"not an object\","
                + "{\"station\":\"bergen\",\"temp\":6,\"ts\":\"2026-02-01T08:00:00Z\"}]");

        ConsumerRecord<String, String> oslo =
                Records.await(events, "/api/weather|oslo", 1).get(0);
        assertEquals("io.tributary.record.v1", Records.header(oslo, "ce_type"));
        assertEquals("oslo", Records.header(oslo, "ce_subject"));
        EventData data = Json.read(oslo.value(), EventData.class);
        assertEquals(3.5, data.metrics().get("temp"));
        assertEquals("clear", data.attributes().get("sky"));
        Records.await(events, "/api/weather|bergen", 1);

        DeadLetter letter =
                Json.read(Records.await(dlq, "/api/weather", 1).get(0).value(), DeadLetter.class);
        assertEquals(DeadLetterReason.MALFORMED_PAYLOAD, letter.reason());

        // A changed reading for oslo is a new event; the unchanged bergen item is not sent again.
        BODY.set("[{\"station\":\"oslo\",\"temp\":4.0,\"ts\":\"2026-02-01T08:10:00Z\"},"
                + "{\"station\":\"bergen\",\"temp\":6,\"ts\":\"2026-02-01T08:00:00Z\"}]");
        List<ConsumerRecord<String, String>> osloEvents = Records.await(events, "/api/weather|oslo", 2);
        assertEquals(
                4.0,
                Json.read(osloEvents.get(1).value(), EventData.class).metrics().get("temp"));
        // Polls run one after another and publish in item order: once a later oslo change is out, the poll that
        // listed bergen unchanged has finished.
        BODY.set("[{\"station\":\"oslo\",\"temp\":5.0,\"ts\":\"2026-02-01T08:20:00Z\"}]");
        Records.await(events, "/api/weather|oslo", 3);
        assertEquals(
                1,
                events.getRecords().stream()
                        .filter(r -> "/api/weather|bergen".equals(r.key()))
                        .count());
    }
}
