package io.tributary.iot.intake;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tributary.iot.subscription.Subscription;
import io.tributary.iot.subscription.Subscriptions;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The MQTT side of ingest-iot, on the Vert.x MQTT client. Not the SmallRye MQTT connector: that one sends PUBACK as a
 * reading arrives (its ack is a no-op) and drops the readings a persistent session delivers right after connecting,
 * before the channel has a subscriber — so a crash or restart would lose readings the broker had accepted. Here: a
 * persistent session (fixed client id, no clean session), the handler registered before connecting, each reading's
 * publication started on arrival (so Kafka receives them in arrival order), and PUBACK sent in arrival order, as MQTT
 * requires, only once Kafka acknowledged the reading's events (or its dead letter).
 *
 * <p>In flight is bounded: past {@code max-in-flight} the connection stops reading (TCP pushes back on the broker)
 * until half are done. A reading that cannot be published is left unacknowledged and the connection recycled, so
 * the broker delivers it again; one that stays unsettled past {@code stall-timeout} makes the service not ready.
 */
@ApplicationScoped
public class MqttIntake {
    private final Vertx vertx;
    private final ReadingProcessor processor;
    private final MqttConnectionOptions connectionOptions;
    private final Subscriptions subscriptions;
    private final IotConfig config;
    private final Deque<InFlight> inFlight = new ArrayDeque<>();
    private volatile MqttClient client;
    private volatile boolean running;
    private volatile boolean subscribed;
    private boolean paused;
    private final AtomicLong received = new AtomicLong();
    private Duration nextDelay;

    public MqttIntake(
            Vertx vertx,
            ReadingProcessor processor,
            MqttConnectionOptions connectionOptions,
            Subscriptions subscriptions,
            IotConfig config) {
        this.vertx = vertx;
        this.processor = processor;
        this.connectionOptions = connectionOptions;
        this.subscriptions = subscriptions;
        this.config = config;
        this.nextDelay = config.reconnectDelay();
    }

    void onStart(@Observes StartupEvent ignored) {
        start();
    }

    void onStop(@Observes ShutdownEvent ignored) {
        stop();
    }

    /** Connects and subscribes, reconnecting with back-off whenever the connection is lost, until {@link #stop()}. */
    public void start() {
        running = true;
        connect();
    }

    /** Disconnects; readings published meanwhile wait in the broker's persistent session. */
    public void stop() {
        running = false;
        subscribed = false;
        MqttClient current = client;
        if (current != null && current.isConnected()) {
            current.disconnect();
        }
    }

    /** Connected, and the broker granted every subscription. */
    public boolean isSubscribed() {
        MqttClient current = client;
        return subscribed && current != null && current.isConnected();
    }

    /** Messages received on this intake's connections since it was created, redeliveries included. */
    public long messagesReceived() {
        return received.get();
    }

    /** How long the oldest unsettled reading has waited, when that is longer than {@code stall-timeout}. */
    public synchronized Optional<Duration> stalledFor() {
        InFlight oldest = inFlight.peek();
        if (oldest == null) {
            return Optional.empty();
        }
        Duration waited = Duration.between(oldest.receivedAt, Instant.now());
        return waited.compareTo(config.stallTimeout()) > 0 ? Optional.of(waited) : Optional.empty();
    }

    private void connect() {
        connectionOptions
                .create()
                .subscribe()
                .with(this::connect, e -> reconnectLater("cannot read the connection settings: " + e.getMessage()));
    }

    private void connect(MqttClientOptions options) {
        if (!running) {
            return;
        }
        MqttClient fresh = MqttClient.create(vertx, options);
        // Before connecting: a resumed session delivers its queued readings right after CONNACK.
        fresh.publishHandler(message -> received(fresh, message));
        fresh.exceptionHandler(e -> Log.warnf("MQTT connection error: %s", e.toString()));
        fresh.closeHandler(v -> {
            // Only the current connection reconnects: a replaced one reconnecting would take the session back.
            if (client == fresh) {
                subscribed = false;
                reconnectLater("connection closed");
            }
        });
        fresh.subscribeCompletionHandler(ack -> {
            // 0x80 in a SUBACK is the broker refusing that filter (e.g. no shared subscriptions, or not authorised).
            subscribed = !ack.grantedQoSLevels().contains(0x80);
            if (!subscribed) {
                Log.errorf(
                        "The MQTT broker refused a subscription (granted %s for %s)",
                        ack.grantedQoSLevels(), filters());
            }
        });
        synchronized (this) {
            client = fresh;
            paused = false;
        }
        fresh.connect(config.port(), config.host())
                .compose(ack -> fresh.subscribe(filters()))
                .onSuccess(id -> {
                    nextDelay = config.reconnectDelay();
                    Log.infof(
                            "Subscribed to %s on %s:%d as %s",
                            filters(), config.host(), config.port(), config.clientId());
                })
                .onFailure(e -> {
                    if (fresh.isConnected()) {
                        fresh.disconnect();
                    } else {
                        reconnectLater(e.getMessage());
                    }
                });
    }

    private Map<String, Integer> filters() {
        Map<String, Integer> filters = new LinkedHashMap<>();
        for (Subscription subscription : subscriptions.all()) {
            filters.put(subscription.mqttFilter(), subscription.config().qos());
        }
        return filters;
    }

    private void received(MqttClient connection, MqttPublishMessage message) {
        InFlight entry = new InFlight(connection, message, Instant.now());
        received.incrementAndGet();
        synchronized (this) {
            inFlight.add(entry);
            if (!paused && inFlight.size() >= config.maxInFlight()) {
                paused = true;
                connection.pause();
            }
        }
        processor
                .process(
                        message.topicName(),
                        message.payload().getBytes(),
                        entry.receivedAt,
                        MqttTraceContext.of(message))
                .subscribe()
                .with(ok -> settle(entry, null), failure -> settle(entry, failure));
    }

    private synchronized void settle(InFlight entry, Throwable failure) {
        entry.settle(failure);
        while (!inFlight.isEmpty() && inFlight.peek().settled()) {
            InFlight head = inFlight.poll();
            if (head.failure() == null) {
                acknowledge(head);
            } else {
                leaveForRedelivery(head);
            }
        }
        if (paused && inFlight.size() <= config.maxInFlight() / 2) {
            paused = false;
            client.resume();
        }
    }

    private void acknowledge(InFlight entry) {
        try {
            entry.message.ack();
        } catch (RuntimeException e) {
            // Its connection closed meanwhile (the client then has no socket to write to); the broker redelivers it
            // on the next session, with the same event id.
            Log.debugf("PUBACK for %s not sent: %s", entry.message.topicName(), e.toString());
        }
    }

    private void leaveForRedelivery(InFlight entry) {
        Log.errorf(
                "Reading on %s not published, left for redelivery: %s",
                entry.message.topicName(), entry.failure().getMessage());
        if (entry.connection.isConnected()) {
            // An unacknowledged QoS 1 message is redelivered when the session resumes.
            entry.connection.disconnect();
        }
    }

    private void reconnectLater(String why) {
        if (!running) {
            return;
        }
        Duration delay = nextDelay;
        Duration doubled = nextDelay.multipliedBy(2);
        nextDelay = doubled.compareTo(config.maxReconnectDelay()) > 0 ? config.maxReconnectDelay() : doubled;
        Log.warnf("MQTT broker %s:%d: %s; reconnecting in %s", config.host(), config.port(), why, delay);
        vertx.setTimer(delay.toMillis(), t -> connect());
    }
}
