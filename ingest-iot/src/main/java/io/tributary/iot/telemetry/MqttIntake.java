package io.tributary.iot.telemetry;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * The MQTT side of ingest-iot, on the Vert.x MQTT client. Not the SmallRye MQTT connector: that one sends PUBACK as a
 * reading arrives (its ack is a no-op) and drops the readings a persistent session delivers right after connecting,
 * before the channel has a subscriber — so a crash or restart would lose readings the broker had accepted. Here:
 * a persistent session (fixed client id, no clean session), the handler registered before connecting, readings
 * published to Kafka in arrival order, and PUBACK sent, in arrival order, only once Kafka acknowledged the event (or its dead
 * letter). A reading that cannot be published is left unacknowledged and the connection is recycled, so the broker
 * delivers it again.
 */
@ApplicationScoped
public class MqttIntake {
    private final Vertx vertx;
    private final TelemetryPublisher publisher;
    private final TelemetryConfig config;
    private final UnicastProcessor<InFlight> received = UnicastProcessor.create();
    private volatile MqttClient client;
    private volatile boolean running;
    private Cancellable processing;
    private Duration nextDelay;

    public MqttIntake(Vertx vertx, TelemetryPublisher publisher, TelemetryConfig config) {
        this.vertx = vertx;
        this.publisher = publisher;
        this.config = config;
        this.nextDelay = config.reconnectDelay();
    }

    void start(@Observes StartupEvent ignored) {
        running = true;
        // Each reading's publication starts on arrival (so Kafka receives them in arrival order and several are in
        // flight at once); PUBACKs are sent in arrival order, as MQTT requires, each once its reading is published.
        processing = received.onItem()
                .transformToUniAndConcatenate(inFlight -> Uni.createFrom()
                        .completionStage(inFlight.published())
                        .onItemOrFailure()
                        .invoke((ok, failure) -> settle(inFlight.message(), failure))
                        .onFailure()
                        .recoverWithNull())
                .subscribe()
                .with(ok -> {}, e -> Log.error("MQTT processing stopped", e));
        connect();
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        MqttClient current = client;
        if (current != null && current.isConnected()) {
            current.disconnect();
        }
        received.onComplete();
        if (processing != null) {
            processing.cancel();
        }
    }

    public boolean isConnected() {
        MqttClient current = client;
        return current != null && current.isConnected();
    }

    private void connect() {
        MqttClientOptions options = new MqttClientOptions()
                .setClientId(config.clientId())
                .setCleanSession(false)
                .setAutoKeepAlive(true)
                // Netty 4.1's MqttDecoder size check misfires on back-to-back frames ("message length exceeds 8092:
                // 90") and drops the connection, so it is disabled; TelemetryDecoder checks each reading's size and
                // dead-letters an oversized one instead.
                .setMaxMessageSize(Integer.MAX_VALUE);
        options.setAutoAck(false);
        MqttClient fresh = MqttClient.create(vertx, options);
        // Before connecting: a resumed session delivers its queued readings right after CONNACK.
        fresh.publishHandler(message -> received.onNext(new InFlight(
                message,
                publisher
                        .process(message.topicName(), message.payload().getBytes(), Instant.now())
                        .subscribeAsCompletionStage())));
        fresh.exceptionHandler(e -> Log.warnf("MQTT connection error: %s", e.toString()));
        fresh.closeHandler(v -> reconnectLater("connection closed"));
        client = fresh;
        fresh.connect(config.port(), config.host())
                .compose(ack -> fresh.subscribe(config.topicFilter(), MqttQoS.AT_LEAST_ONCE.value()))
                .onSuccess(id -> {
                    nextDelay = config.reconnectDelay();
                    Log.infof(
                            "Subscribed to %s on %s:%d as %s",
                            config.topicFilter(), config.host(), config.port(), config.clientId());
                })
                .onFailure(e -> {
                    if (fresh.isConnected()) {
                        fresh.disconnect();
                    } else {
                        reconnectLater(e.getMessage());
                    }
                });
    }

    private void reconnectLater(String why) {
        if (!running) {
            return;
        }
        Duration delay = nextDelay;
        nextDelay = nextDelay.multipliedBy(2).compareTo(config.maxReconnectDelay()) > 0
                ? config.maxReconnectDelay()
                : nextDelay.multipliedBy(2);
        Log.warnf("MQTT broker %s:%d: %s; reconnecting in %s", config.host(), config.port(), why, delay);
        vertx.setTimer(delay.toMillis(), t -> connect());
    }

    private record InFlight(MqttPublishMessage message, CompletableFuture<Void> published) {}

    private void settle(MqttPublishMessage message, Throwable failure) {
        if (failure == null) {
            message.ack();
            return;
        }
        Log.errorf("Reading on %s not published, left for redelivery: %s", message.topicName(), failure.getMessage());
        MqttClient current = client;
        if (current != null && current.isConnected()) {
            // An unacknowledged QoS 1 message is redelivered when the session resumes.
            current.disconnect();
        }
    }
}
