package io.tributary.iot.intake;

import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.messages.MqttPublishMessage;
import java.time.Instant;

/** One received message while its events are being published: settled once, then acknowledged in arrival order. */
final class InFlight {
    final MqttClient connection;
    final MqttPublishMessage message;
    final Instant receivedAt;
    private boolean settled;
    private Throwable failure;

    InFlight(MqttClient connection, MqttPublishMessage message, Instant receivedAt) {
        this.connection = connection;
        this.message = message;
        this.receivedAt = receivedAt;
    }

    void settle(Throwable failure) {
        this.settled = true;
        this.failure = failure;
    }

    boolean settled() {
        return settled;
    }

    Throwable failure() {
        return failure;
    }
}
