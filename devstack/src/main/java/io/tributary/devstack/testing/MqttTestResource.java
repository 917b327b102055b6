package io.tributary.devstack.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points a {@code @QuarkusTest} at the JVM's shared real MQTT broker. */
public class MqttTestResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        return Map.of(
                "tributary.iot.host",
                "127.0.0.1",
                "tributary.iot.port",
                Integer.toString(SharedInfrastructure.mqtt().port()));
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; it stops when the JVM exits.
    }
}
