package io.tributary.iot.telemetry;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.mqtt.ReceivingMqttMessageMetadata;
import io.tributary.contract.dlq.DeadLetter;
import io.tributary.contract.event.Payloads.RejectedPayloadException;
import io.tributary.contract.ingest.IngestPublisher;
import io.tributary.contract.messaging.Acknowledgement;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads device telemetry (QoS 1, persistent session) and publishes it on the event bus. The MQTT message is
 * acknowledged only after Kafka acknowledged the event or its dead letter, so a crash in between means the broker
 * delivers it again, and the deterministic event id lets consumers drop the copy. Failure strategy: {@code fail} —
 * only a broker outage that outlasts the retries reaches it, and then the service reports unhealthy rather than drop
 * readings.
 */
@ApplicationScoped
public class TelemetryConsumer {
    static final String CHANNEL = "telemetry";

    private final TelemetryDecoder decoder;
    private final IngestPublisher publisher;
    private final TelemetryConfig config;

    public TelemetryConsumer(TelemetryDecoder decoder, IngestPublisher publisher, TelemetryConfig config) {
        this.decoder = decoder;
        this.publisher = publisher;
        this.config = config;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<byte[]> message) {
        String topic = message.getMetadata(ReceivingMqttMessageMetadata.class)
                .map(ReceivingMqttMessageMetadata::getTopic)
                .orElse("");
        Instant receivedAt = Instant.now();
        Uni<Void> work = Uni.createFrom()
                .item(() -> decoder.decode(topic, message.getPayload(), receivedAt))
                .flatMap(publisher::publish)
                .onFailure(RejectedPayloadException.class)
                .recoverWithUni(e -> deadLetter(topic, message.getPayload(), (RejectedPayloadException) e, receivedAt));
        return Acknowledgement.ackAfter(message, work);
    }

    private Uni<Void> deadLetter(String topic, byte[] payload, RejectedPayloadException e, Instant receivedAt) {
        Log.debugf("Rejected telemetry on %s: %s", topic, e.getMessage());
        return publisher.reject(new DeadLetter(
                config.source(),
                "mqtt:" + topic,
                e.reason(),
                e.getMessage(),
                new String(payload, StandardCharsets.UTF_8),
                receivedAt));
    }
}
