package io.tributary.devstack.demo;

import io.tributary.devstack.infra.MqttPublisher;
import io.tributary.devstack.stack.Stack;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Simulated devices: each publishes a temperature reading (a random walk) every second over MQTT, QoS 1; one in
 * forty publishes is garbled, to show the dead-letter path.
 */
public final class DemoDevices implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DemoDevices.class);
    private static final List<String> DEVICES = List.of("boiler-1", "boiler-2", "chiller-1");

    private final MqttPublisher publisher;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Random random = new Random();
    private final double[] temperatures = {65.0, 70.0, 6.0};
    private long published;

    public DemoDevices(int mqttPort) {
        this.publisher = new MqttPublisher("127.0.0.1", mqttPort, "tributary-demo-devices");
        scheduler.scheduleAtFixedRate(this::publishAll, 0, 1, TimeUnit.SECONDS);
    }

    private void publishAll() {
        try {
            for (int i = 0; i < DEVICES.size(); i++) {
                temperatures[i] += random.nextGaussian() * 0.5;
                String payload = ++published % 40 == 0
                        ? "{\"temperature\": \"n/a\" oops"
                        : String.format(
                                Locale.ROOT, "{\"temperature\": %.2f, \"ts\": \"%s\"}", temperatures[i], Instant.now());
                publisher.publish(Stack.MQTT_TOPIC_PREFIX + DEVICES.get(i) + "/telemetry", payload);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Demo devices could not publish: %s", e.getMessage());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        publisher.close();
    }
}
