package io.tributary.analytics.result;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tributary.devstack.testing.SharedInfrastructure;
import java.util.Map;

/** Turns MQTT publishing of results on, against the JVM's shared real MQTT broker. */
public class MqttResultsTestResource implements QuarkusTestResourceLifecycleManager {
    static int port() {
        return SharedInfrastructure.mqtt().port();
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "tributary.analytics.mqtt.enabled", "true",
                "mp.messaging.outgoing.results-mqtt.host", "127.0.0.1",
                "mp.messaging.outgoing.results-mqtt.port", Integer.toString(port()));
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; it stops when the JVM exits.
    }
}
