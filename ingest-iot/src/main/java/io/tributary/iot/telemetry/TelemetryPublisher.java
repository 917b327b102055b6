package io.tributary.iot.telemetry;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.tributary.contract.dlq.DeadLetter;
import io.tributary.contract.event.Payloads.RejectedPayloadException;
import io.tributary.contract.ingest.IngestPublisher;
import io.tributary.contract.messaging.Acknowledgement;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Turns one MQTT reading into an event on the bus, or a dead letter with the reason. Completes once Kafka
 * acknowledged it; transient failures are retried with back-off first ({@link Acknowledgement}).
 */
@ApplicationScoped
public class TelemetryPublisher {
    private final TelemetryDecoder decoder;
    private final IngestPublisher publisher;
    private final TelemetryConfig config;

    public TelemetryPublisher(TelemetryDecoder decoder, IngestPublisher publisher, TelemetryConfig config) {
        this.decoder = decoder;
        this.publisher = publisher;
        this.config = config;
    }

    public Uni<Void> process(String topic, byte[] payload, Instant receivedAt) {
        Uni<Void> work = Uni.createFrom()
                .item(() -> decoder.decode(topic, payload, receivedAt))
                .flatMap(publisher::publish)
                .onFailure(RejectedPayloadException.class)
                .recoverWithUni(e -> deadLetter(topic, payload, (RejectedPayloadException) e, receivedAt));
        return Acknowledgement.retryTransient(work);
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
