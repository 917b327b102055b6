package io.tributary.iot.intake;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.tributary.devstack.testing.Records;
import io.tributary.devstack.testing.SharedInfrastructure;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;

/**
 * A device publishing arbitrary bytes (devstack's publishers send text only) at QoS 1. {@link #send} pipelines where
 * the broker allows; {@link #flush} waits until the broker acknowledged (PUBACK) everything sent; {@link #publish}
 * does both.
 */
final class DevicePublisher implements AutoCloseable {
    private final Vertx vertx = Vertx.vertx();
    private final MqttClient client;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    /**
     * Moquette's decoder drops a connection on back-to-back publishes ("invalid massage", the Netty size-check
     * misfire MqttConnectionOptions works around), so against it each publish waits for its PUBACK.
     */
    private final boolean pipelined = SharedInfrastructure.mqtt().kind().equals("mosquitto");

    DevicePublisher(String clientId) {
        this(SharedInfrastructure.mqtt().port(), clientId);
    }

    DevicePublisher(int port, String clientId) {
        this(port, new MqttClientOptions().setClientId(clientId));
    }

    /** With the given options (TLS, credentials), made fit for many QoS 1 publishes in flight. */
    DevicePublisher(int port, MqttClientOptions options) {
        client = MqttClient.create(
                vertx,
                options.setAutoKeepAlive(true).setMaxInflightQueue(10_000).setMaxMessageSize(Integer.MAX_VALUE));
        client.publishCompletionHandler(packetId -> acknowledged.incrementAndGet());
        await(client.connect(port, "127.0.0.1"));
    }

    void publish(String topic, String payload) {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    void publish(String topic, byte[] payload) {
        send(topic, payload);
        flush();
    }

    void send(String topic, byte[] payload) {
        sent.incrementAndGet();
        await(client.publish(topic, Buffer.buffer(payload), MqttQoS.AT_LEAST_ONCE, false, false));
        if (!pipelined) {
            flush();
        }
    }

    void flush() {
        Awaitility.await().atMost(Records.WAIT).until(() -> acknowledged.get() >= sent.get());
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("MQTT operation failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            await(client.disconnect());
        } finally {
            vertx.close();
        }
    }
}
