package io.tributary.devstack.bench;

import io.tributary.devstack.infra.PipelinedMqttPublisher;
import io.tributary.devstack.stack.Stack;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * Devices of one phase publishing readings over MQTT (QoS 1, pipelined). Device {@code <phase>-d<n>} publishes
 * readings whose {@code ts} is the instant of publishing, so an event's time is when its reading left the device;
 * {@code seq} makes every payload distinct (ingest-iot derives the event id from the payload: identical payloads of
 * one device would be one event).
 */
final class LoadPublisher {
    private static final Duration WINDOW_WAIT = Duration.ofSeconds(30);

    /** @param seconds from the first publish to the last one handed to the client */
    record Published(int readings, double seconds) {
        double rate() {
            return seconds > 0 ? readings / seconds : readings;
        }
    }

    private final PipelinedMqttPublisher mqtt;
    private final int devices;
    private long seq;

    LoadPublisher(PipelinedMqttPublisher mqtt, int devices) {
        this.mqtt = mqtt;
        this.devices = devices;
    }

    static String device(String phase, int n) {
        return String.format(Locale.ROOT, "%s-d%03d", phase, n);
    }

    /** The phase a device name belongs to ({@code s250-d017} → {@code s250}), or null for another device. */
    static String phaseOf(String device) {
        int dash = device.lastIndexOf("-d");
        return dash > 0 ? device.substring(0, dash) : null;
    }

    /** Offers {@code rate} readings per second, spread round-robin over the devices, for the duration. */
    Published paced(String phase, int rate, Duration duration, Instant stopBy) {
        int readings = (int) Math.min((long) rate * duration.toSeconds(), Integer.MAX_VALUE);
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        int sent = 0;
        for (; sent < readings && Instant.now().isBefore(stopBy); sent++) {
            long due = start + sent * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            publish(phase, sent);
        }
        return new Published(sent, (System.nanoTime() - start) / 1e9);
    }

    /** Publishes as fast as the in-flight window allows. */
    Published burst(String phase, int readings, Instant stopBy) {
        long start = System.nanoTime();
        int sent = 0;
        for (; sent < readings && Instant.now().isBefore(stopBy); sent++) {
            publish(phase, sent);
        }
        return new Published(sent, (System.nanoTime() - start) / 1e9);
    }

    /** Waits until the broker acknowledged every publish (bounded). */
    boolean flush() {
        return mqtt.flush(WINDOW_WAIT);
    }

    private void publish(String phase, int i) {
        String device = device(phase, i % devices);
        long n = seq++;
        String payload = String.format(
                Locale.ROOT,
                "{\"temperature\": %.1f, \"seq\": %d, \"ts\": \"%s\"}",
                15 + (n * 7919 % 200) / 10.0,
                n,
                Instant.now());
        mqtt.publish(Stack.MQTT_TOPIC_PREFIX + device + "/telemetry", payload, WINDOW_WAIT);
    }
}
