package io.tributary.system;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.tributary.devstack.infra.MqttPublisher;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;

/** Until ingest-iot's subscription is in place the broker drops readings; a probe device shows when it is. */
final class MqttProbe {
    private MqttProbe() {}

    /** @param events a consumer of {@code tributary.events}, where the probe's readings arrive once subscribed */
    static void awaitSubscription(MqttPublisher devices, ConsumerTask<String, String> events, Duration wait) {
        Awaitility.await().atMost(wait).pollInterval(Duration.ofSeconds(1)).until(() -> {
            devices.publish("tributary/probe/telemetry", "{\"temperature\": 0, \"at\": \"" + Instant.now() + "\"}");
            return events.getRecords().stream().anyMatch(r -> "/iot/devices|probe".equals(r.key()));
        });
    }
}
