package io.tributary.stream.intake;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.event.Payloads.RejectedPayloadException;
import io.tributary.contract.ingest.IngestPublisher;
import io.tributary.contract.messaging.Acknowledgement;
import io.tributary.contract.trace.MessagingSpans;
import io.tributary.contract.trace.TraceHeaders;
import io.tributary.http.LogSafe;
import io.tributary.stream.delivery.Delivery;
import io.tributary.stream.source.StreamConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Settles one upstream message: its event, or its dead letter, is published and acknowledged by Kafka, and only then
 * is the message acknowledged upstream (Kafka offset commit, AMQP ack, Pulsar ack). Transient failures are retried
 * with back-off while the message waits unacknowledged ({@link Acknowledgement}); past the retries it is nacked to
 * the channel's failure strategy. Nothing a producer sends can hold the source up: what cannot become an event is a
 * dead letter.
 */
@ApplicationScoped
public class DeliveryProcessor {
    private static final AttributeKey<String> ORIGIN = AttributeKey.stringKey("tributary.origin");

    private final IngestPublisher publisher;
    private final int maxPayloadBytes;
    private final Tracer tracer;

    public DeliveryProcessor(IngestPublisher publisher, StreamConfig config, Tracer tracer) {
        this.tracer = tracer;
        this.publisher = publisher;
        this.maxPayloadBytes = config.maxPayloadBytes();
    }

    Uni<Void> process(Source source, Message<?> message) {
        Instant receivedAt = Instant.now();
        source.activity().received(receivedAt);
        Uni<Void> work = Uni.createFrom()
                .item(() -> source.reader().read(message))
                .flatMap(delivery -> traced(source, delivery, receivedAt));
        return Acknowledgement.ackAfter(message, work)
                .eventually(() -> source.activity().settled());
    }

    /**
     * Under a {@code process <source>} span, a child of the trace context the upstream message carried in its
     * headers ({@code traceparent}), if any: the event it becomes continues the upstream trace.
     */
    private Uni<Void> traced(Source source, Delivery delivery, Instant receivedAt) {
        Context parent = TraceHeaders.extract(delivery.headers());
        String origin = delivery.origin();
        int colon = origin.indexOf(':');
        Span span = MessagingSpans.process(
                        tracer, colon > 0 ? origin.substring(0, colon) : "upstream", source.name(), parent)
                .setAttribute(ORIGIN, origin);
        return MessagingSpans.endedAfter(span, publishOrReject(source, delivery, receivedAt, parent.with(span)));
    }

    private Uni<Void> publishOrReject(Source source, Delivery delivery, Instant receivedAt, Context trace) {
        return Uni.createFrom()
                .item(() -> map(source, delivery, receivedAt))
                .flatMap(event -> publisher.publish(event, trace))
                .invoke(() -> source.activity().published(delivery.brokerTime().orElse(receivedAt)))
                .onFailure(RejectedPayloadException.class)
                .recoverWithUni(e -> deadLetter(source, delivery, (RejectedPayloadException) e, receivedAt));
    }

    private NormalizedEvent map(Source source, Delivery delivery, Instant receivedAt) {
        if (delivery.body().length > maxPayloadBytes) {
            throw new RejectedPayloadException(
                    DeadLetterReason.OVERSIZE_PAYLOAD,
                    delivery.body().length + " bytes, more than the " + maxPayloadBytes + " accepted");
        }
        try {
            return source.mapper().map(delivery, receivedAt);
        } catch (RejectedPayloadException e) {
            throw e;
        } catch (RuntimeException e) {
            // A mapping bug must cost one dead letter, not a retry loop that holds every later message back.
            Log.errorf(
                    e,
                    "Mapping %s of source %s failed unexpectedly",
                    LogSafe.text(String.valueOf(delivery.origin())),
                    source.name());
            throw new RejectedPayloadException(DeadLetterReason.MALFORMED_PAYLOAD, "could not be mapped: " + e);
        }
    }

    private Uni<Void> deadLetter(Source source, Delivery delivery, RejectedPayloadException e, Instant receivedAt) {
        Log.debugf("Rejected %s of source %s: %s", delivery.origin(), source.name(), e.getMessage());
        return publisher
                .reject(DeadLetters.of(source.source(), delivery, e, receivedAt, maxPayloadBytes))
                .invoke(() -> source.activity().deadLettered(e.reason(), e.getMessage()));
    }
}
