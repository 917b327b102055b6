package io.tributary.iot.intake;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.tributary.contract.Topics;
import io.tributary.devstack.infra.MqttBroker;
import io.tributary.devstack.infra.Ports;
import io.tributary.devstack.infra.TemporaryDirectory;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.Records;
import io.tributary.devstack.testing.Resources;
import io.tributary.devstack.testing.SharedInfrastructure;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The MQTT broker restarts mid-stream: ingest-iot reconnects and resubscribes by itself, and nothing is lost. */
@QuarkusTest
@TestProfile(BrokerRestartTest.OwnBroker.class)
class BrokerRestartTest {
    @Inject
    MqttIntake intake;

    @Test
    void afterTheBrokerRestartsEveryReadingStillArrives() {
        ConsumerTask<String, String> events =
                SharedInfrastructure.companion().consumeStrings().fromTopics(Topics.EVENTS);
        Instant t0 = Instant.now().minusSeconds(600);
        Awaitility.await().atMost(Records.WAIT).until(intake::isSubscribed);
        publish(0, 500, t0);
        RestartableBroker.restart();
        publish(500, 1000, t0);

        Awaitility.await()
                .atMost(Records.WAIT.multipliedBy(2))
                .until(() -> events.getRecords().stream()
                                .filter(r -> r.key().startsWith("/iot/devices|restarted-"))
                                .map(r -> Records.header(r, "ce_id"))
                                .collect(Collectors.toSet())
                                .size()
                        == 1000);
        Awaitility.await().atMost(Records.WAIT).until(intake::isSubscribed);
    }

    private static void publish(int from, int to, Instant t0) {
        try (DevicePublisher devices = new DevicePublisher(RestartableBroker.port, "restart-devices")) {
            for (int i = from; i < to; i++) {
                String reading = "{\"temperature\": " + i + ", \"ts\": \"" + t0.plusMillis(i) + "\"}";
                devices.send(
                        "tributary/restarted-" + (i % 10) + "/telemetry", reading.getBytes(StandardCharsets.UTF_8));
            }
            devices.flush();
        }
    }

    public static class OwnBroker implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(
                    new TestResourceEntry(KafkaTestResource.class), new TestResourceEntry(RestartableBroker.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "tributary.iot.client-id", "ingest-iot-restart",
                    "tributary.iot.reconnect-delay", "PT0.1S",
                    "tributary.iot.max-reconnect-delay", "PT0.5S");
        }
    }

    /** An MQTT broker of this test's own, stopped and started again on the same port and data directory. */
    public static class RestartableBroker implements QuarkusTestResourceLifecycleManager {
        static int port;
        static TemporaryDirectory data;
        static MqttBroker broker;

        @Override
        public Map<String, String> start() {
            port = Ports.free();
            data = new TemporaryDirectory("tributary-mqtt-restart");
            broker = MqttBroker.start(port, data.path());
            return Map.of("tributary.iot.host", "127.0.0.1", "tributary.iot.port", Integer.toString(port));
        }

        static synchronized void restart() {
            broker.close();
            broker = MqttBroker.start(port, data.path());
        }

        @Override
        public synchronized void stop() {
            Resources.closeAll(broker, data);
        }
    }
}
