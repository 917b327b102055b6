package io.tributary.devstack.infra;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A plain MQTT client for demo devices and tests: each publish is QoS 1 and returns once the broker sent PUBACK. */
public final class MqttPublisher implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Vertx vertx;
    private final MqttClient client;

    public MqttPublisher(String host, int port, String clientId) {
        this.vertx = Vertx.vertx();
        this.client = MqttClient.create(
                vertx, new MqttClientOptions().setClientId(clientId).setAutoKeepAlive(true));
        await(client.connect(port, host).toCompletionStage().toCompletableFuture());
    }

    public void publish(String topic, String payload) {
        await(client.publish(topic, Buffer.buffer(payload), MqttQoS.AT_LEAST_ONCE, false, false)
                .toCompletionStage()
                .toCompletableFuture());
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
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
