package io.tributary.system;

import io.tributary.devstack.infra.MqttPublisher;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;

/**
 * Readings streaming in over MQTT in the background while a test acts: a fixed number from {@code <prefix><n>}
 * devices at a fixed rate, QoS 1 (each acknowledged by the broker before the next), every payload distinct (ingest-iot
 * derives the event id from the payload).
 */
final class ReadingStream implements AutoCloseable {
    private final MqttPublisher devices;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger published = new AtomicInteger();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
    private final String devicePrefix;
    private final int deviceCount;
    private final int readings;

    ReadingStream(int mqttPort, String clientId, String devicePrefix, int deviceCount, int readings, int perSecond) {
        this.devices = new MqttPublisher("127.0.0.1", mqttPort, clientId);
        this.devicePrefix = devicePrefix;
        this.deviceCount = deviceCount;
        this.readings = readings;
        scheduler.scheduleAtFixedRate(this::publishNext, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
    }

    private void publishNext() {
        int i = published.get();
        if (i >= readings || failure.get() != null) {
            return;
        }
        try {
            devices.publish(
                    "tributary/" + devicePrefix + (i % deviceCount) + "/telemetry",
                    String.format(
                            Locale.ROOT,
                            "{\"temperature\": %.1f, \"seq\": %d, \"ts\": \"%s\"}",
                            20 + (i * 7 % 40) / 4.0,
                            i,
                            t0.plusMillis(100L * i)));
            published.incrementAndGet();
        } catch (RuntimeException e) {
            failure.set(e);
        }
    }

    /** Readings the broker acknowledged so far; fails if publishing failed. */
    int published() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw new IllegalStateException("publishing a reading failed after " + published.get(), e);
        }
        return published.get();
    }

    void awaitAllPublished(Duration atMost) {
        Awaitility.await().atMost(atMost).until(() -> published() == readings);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        devices.close();
    }
}
