package io.tributary.devstack.infra;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An MQTT client that keeps many QoS 1 publishes in flight, as a busy gateway does: {@link #publish} returns once
 * the publish is sent, and blocks only while {@code maxInFlight} publishes await their PUBACK. {@link MqttPublisher}
 * waits for each PUBACK in turn, which bounds it to one publish per round trip.
 *
 * <p>The broker's own limits still apply: Mosquitto queues at most {@code max_queued_messages} per subscriber
 * (the local stack sets 1,000,000) and acknowledges a client's QoS 1 publishes as it receives them.
 */
public final class PipelinedMqttPublisher implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final Vertx vertx;
    private final MqttClient client;
    private final int maxInFlight;
    private final Semaphore window;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public PipelinedMqttPublisher(String host, int port, String clientId, int maxInFlight) {
        this.vertx = Vertx.vertx();
        this.maxInFlight = maxInFlight;
        this.window = new Semaphore(maxInFlight);
        // The client's own limit is above ours: it counts a publish until after our completion handler has run.
        this.client = MqttClient.create(
                vertx,
                new MqttClientOptions()
                        .setClientId(clientId)
                        .setAutoKeepAlive(true)
                        .setMaxInflightQueue(2 * maxInFlight + 10));
        client.publishCompletionHandler(packetId -> {
            acknowledged.incrementAndGet();
            window.release();
        });
        client.publishCompletionExpirationHandler(packetId -> {
            failed.incrementAndGet();
            window.release();
        });
        try {
            client.connect(port, host)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("MQTT connect to " + host + ":" + port + " failed: " + e.getMessage(), e);
        }
    }

    /** Sends a QoS 1 publish; waits (at most {@code timeout}) only while the in-flight window is full. */
    public void publish(String topic, String payload, Duration timeout) {
        try {
            if (!window.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(
                        maxInFlight + " publishes awaited their PUBACK for " + timeout + ": is the broker up?");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        client.publish(topic, Buffer.buffer(payload), MqttQoS.AT_LEAST_ONCE, false, false)
                .onFailure(e -> {
                    failed.incrementAndGet();
                    window.release();
                });
    }

    /** Waits (bounded) until every publish sent so far is acknowledged or failed; false if time ran out. */
    public boolean flush(Duration timeout) {
        try {
            if (window.tryAcquire(maxInFlight, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                window.release(maxInFlight);
                return true;
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Publishes the broker acknowledged (PUBACK). */
    public long acknowledged() {
        return acknowledged.get();
    }

    /** Publishes that could not be sent or whose PUBACK never came. */
    public long failed() {
        return failed.get();
    }

    @Override
    public void close() {
        try {
            client.disconnect().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Closing Vert.x below closes the connection anyway.
        } finally {
            vertx.close();
        }
    }
}
