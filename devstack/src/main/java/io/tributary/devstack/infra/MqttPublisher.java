package io.tributary.devstack.infra;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A plain MQTT client for demo devices and tests: each publish is QoS 1 and returns once the broker sent PUBACK. */
public final class MqttPublisher implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Vertx vertx;
    private final MqttClient client;
    /** Publishes are one at a time, each waiting for its PUBACK: at most one is outstanding. */
    private volatile CompletableFuture<Void> awaitingAck;

    public MqttPublisher(String host, int port, String clientId) {
        this.vertx = Vertx.vertx();
        this.client = MqttClient.create(
                vertx, new MqttClientOptions().setClientId(clientId).setAutoKeepAlive(true));
        client.publishCompletionHandler(id -> {
            CompletableFuture<Void> acked = awaitingAck;
            if (acked != null) {
                acked.complete(null);
            }
        });
        await(client.connect(port, host).toCompletionStage().toCompletableFuture());
    }

    public synchronized void publish(String topic, String payload) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        // Set before sending: the PUBACK can be handled before the send's own future reports the packet written.
        awaitingAck = acked;
        client.publish(topic, Buffer.buffer(payload), MqttQoS.AT_LEAST_ONCE, false, false)
                .onFailure(acked::completeExceptionally);
        await(acked);
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("MQTT operation failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            await(client.disconnect().toCompletionStage().toCompletableFuture());
        } finally {
            vertx.close();
        }
    }
}
