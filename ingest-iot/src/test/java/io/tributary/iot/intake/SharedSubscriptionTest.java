package io.tributary.iot.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.tributary.contract.Topics;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.MqttTestResource;
import io.tributary.devstack.testing.Records;
import io.tributary.devstack.testing.SharedInfrastructure;
import io.tributary.iot.payload.TestConfigs;
import io.tributary.iot.subscription.Subscriptions;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Two intakes, each with its own persistent session, in one shared-subscription group: the broker splits the stream
 * between them, and every reading reaches Kafka exactly once. Moquette 0.17 has no shared subscriptions, so this
 * runs against Mosquitto only.
 */
@QuarkusTest
@TestProfile(SharedSubscriptionTest.Shared.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MqttTestResource.class)
class SharedSubscriptionTest {
    private static final Map<String, String> SHARED = Map.of(
            "tributary.iot.subscriptions.telemetry.topic", "fleet/{device}/telemetry",
            "tributary.iot.subscriptions.telemetry.shared-group", "ingest",
            "tributary.iot.subscriptions.telemetry.source", "/iot/fleet");

    public static class Shared implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(SHARED);
            config.put("tributary.iot.client-id", "ingest-iot-replica-a");
            return config;
        }
    }

    @Inject
    MqttIntake replicaA;

    @Inject
    ReadingProcessor processor;

    @Inject
    Vertx vertx;

    @Inject
    io.vertx.mutiny.core.Vertx mutinyVertx;

    @Test
    void twoReplicasSplitASharedSubscriptionWithoutLossOrDuplication() {
        assumeTrue(
                SharedInfrastructure.mqtt().kind().equals("mosquitto"),
                "Moquette 0.17, the embedded broker, has no shared subscriptions");
        Map<String, String> replicaBConfig = new HashMap<>(SHARED);
        replicaBConfig.put("tributary.iot.host", "127.0.0.1");
        replicaBConfig.put(
                "tributary.iot.port",
                Integer.toString(SharedInfrastructure.mqtt().port()));
        replicaBConfig.put("tributary.iot.client-id", "ingest-iot-replica-b");
        IotConfig config = TestConfigs.iot(replicaBConfig);
        MqttIntake replicaB = new MqttIntake(
                vertx, processor, new MqttConnectionOptions(config, mutinyVertx), new Subscriptions(config), config);
        ConsumerTask<String, String> events =
                SharedInfrastructure.companion().consumeStrings().fromTopics(Topics.EVENTS);
        replicaB.start();
        try (DevicePublisher devices = new DevicePublisher("fleet-devices")) {
            Awaitility.await().atMost(Records.WAIT).until(() -> replicaA.isSubscribed() && replicaB.isSubscribed());
            Instant t0 = Instant.now().minusSeconds(600);
            for (int i = 0; i < 1000; i++) {
                String reading = "{\"temperature\": " + i + ", \"ts\": \"" + t0.plusMillis(i) + "\"}";
                devices.send("fleet/truck-" + (i % 20) + "/telemetry", reading.getBytes(StandardCharsets.UTF_8));
            }
            devices.flush();

            List<ConsumerRecord<String, String>> fleet = Awaitility.await()
                    .atMost(Records.WAIT)
                    .until(() -> fleetEvents(events), received -> received.size() >= 1000);
            Set<String> ids =
                    fleet.stream().map(r -> Records.header(r, "ce_id")).collect(Collectors.toSet());
            assertEquals(1000, ids.size());
            assertEquals(1000, fleet.size(), "no reading published twice");
            assertTrue(
                    replicaA.messagesReceived() > 0 && replicaB.messagesReceived() > 0,
                    "both replicas took a share: " + replicaA.messagesReceived() + " and "
                            + replicaB.messagesReceived());
            assertEquals(1000, replicaA.messagesReceived() + replicaB.messagesReceived());
        } finally {
            replicaB.stop();
        }
    }

    private static List<ConsumerRecord<String, String>> fleetEvents(ConsumerTask<String, String> events) {
        return events.getRecords().stream()
                .filter(r -> r.key().startsWith("/iot/fleet|"))
                .toList();
    }
}
