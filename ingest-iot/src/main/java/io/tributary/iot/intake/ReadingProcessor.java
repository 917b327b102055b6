package io.tributary.iot.intake;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.tributary.contract.dlq.DeadLetter;
import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.EventData;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.event.Payloads.RejectedPayloadException;
import io.tributary.contract.ingest.IngestPublisher;
import io.tributary.contract.messaging.Acknowledgement;
import io.tributary.contract.trace.MessagingSpans;
import io.tributary.http.LogSafe;
import io.tributary.iot.device.DeviceRegistry;
import io.tributary.iot.metrics.IntakeCounters;
import io.tributary.iot.payload.Incoming;
import io.tributary.iot.payload.PayloadDecoder;
import io.tributary.iot.payload.Reading;
import io.tributary.iot.subscription.Subscription;
import io.tributary.iot.subscription.Subscriptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one MQTT message into its events on the bus, or a dead letter with the reason, and completes once Kafka
 * acknowledged them. Transient failures are retried with back-off ({@link Acknowledgement}); a record Kafka refuses
 * for what it is (too large) is dead-lettered instead of retried, and a dead letter Kafka refuses is sent again
 * without its raw payload: no payload can hold the channel up.
 */
@ApplicationScoped
public class ReadingProcessor {
    private static final AttributeKey<String> MQTT_TOPIC = AttributeKey.stringKey("tributary.mqtt.topic");

    private final Subscriptions subscriptions;
    private final PayloadDecoder decoder;
    private final IngestPublisher publisher;
    private final IntakeCounters counters;
    private final DeviceRegistry devices;
    private final int rawLimit;
    private final Tracer tracer;

    public ReadingProcessor(
            Subscriptions subscriptions,
            PayloadDecoder decoder,
            IngestPublisher publisher,
            IntakeCounters counters,
            DeviceRegistry devices,
            IotConfig config,
            Tracer tracer) {
        this.tracer = tracer;
        this.subscriptions = subscriptions;
        this.decoder = decoder;
        this.publisher = publisher;
        this.counters = counters;
        this.devices = devices;
        this.rawLimit = config.maxPayloadBytes();
    }

    /**
     * @param parent the trace context the reading came with (an MQTT 5 {@code traceparent} user property), else the
     *     root: the reading's {@code process} span then starts the trace
     */
    public Uni<Void> process(String topic, byte[] payload, Instant receivedAt, Context parent) {
        Optional<Subscriptions.Matched> matched = subscriptions.route(topic);
        Subscription subscription =
                matched.map(Subscriptions.Matched::subscription).orElse(subscriptions.fallback());
        Span span = MessagingSpans.process(tracer, "mqtt", subscription.config().topic(), parent)
                .setAttribute(MQTT_TOPIC, topic);
        Context reading = parent.with(span);
        return MessagingSpans.endedAfter(span, process(topic, payload, receivedAt, matched, subscription, reading));
    }

    private Uni<Void> process(
            String topic,
            byte[] payload,
            Instant receivedAt,
            Optional<Subscriptions.Matched> matched,
            Subscription subscription,
            Context reading) {
        Map<String, String> levels = matched.map(Subscriptions.Matched::levels).orElse(Map.of());
        Incoming incoming = new Incoming(subscription.config(), topic, levels, payload, receivedAt);
        counters.messageIn(subscription.name());
        Uni<Void> work = Uni.createFrom()
                .item(() -> decode(matched.isPresent(), incoming))
                .flatMap(readings -> publish(subscription, readings, reading))
                .onFailure(KafkaRefusals::isRefusal)
                .transform(e -> new RejectedPayloadException(
                        DeadLetterReason.OVERSIZE_PAYLOAD, "Kafka refused the event: " + e.getMessage()))
                .onFailure(RejectedPayloadException.class)
                .recoverWithUni(e -> deadLetter(subscription, incoming, (RejectedPayloadException) e));
        return Acknowledgement.retryTransient(work);
    }

    private List<Reading> decode(boolean matched, Incoming incoming) {
        if (!matched) {
            throw new RejectedPayloadException(
                    DeadLetterReason.INVALID_FIELD, "topic '" + incoming.topic() + "' matches no subscription");
        }
        try {
            return decoder.decode(incoming);
        } catch (RejectedPayloadException e) {
            throw e;
        } catch (RuntimeException e) {
            // A decoding bug must cost one dead letter, not a retry loop that holds every later reading back.
            Log.errorf(e, "Decoding a payload on %s failed unexpectedly", LogSafe.text(incoming.topic()));
            throw new RejectedPayloadException(DeadLetterReason.MALFORMED_PAYLOAD, "could not be decoded: " + e);
        }
    }

    private Uni<Void> publish(Subscription subscription, List<Reading> readings, Context parent) {
        String source = subscription.config().source();
        List<Uni<Void>> sends = readings.stream()
                .map(reading -> publisher.publish(event(source, reading), parent))
                .toList();
        return Uni.join()
                .all(sends)
                .andFailFast()
                .invoke(() -> {
                    Instant now = Instant.now();
                    for (Reading reading : readings) {
                        counters.eventOut(subscription.name(), Duration.between(reading.time(), now));
                    }
                    devices.accepted(source, readings.get(0).device(), now);
                })
                .replaceWithVoid();
    }

    private static NormalizedEvent event(String source, Reading reading) {
        return new NormalizedEvent(
                NormalizedEvent.deterministicId(source, reading.device(), reading.identity()),
                URI.create(source),
                reading.type(),
                reading.device(),
                reading.time().atOffset(ZoneOffset.UTC),
                new EventData(reading.metrics(), reading.attributes(), reading.raw()));
    }

    private Uni<Void> deadLetter(Subscription subscription, Incoming incoming, RejectedPayloadException e) {
        Log.debugf("Rejected payload on %s: %s", incoming.topic(), e.getMessage());
        String source = subscription.config().source();
        DeadLetter letter = DeadLetters.of(
                source,
                incoming.topic(),
                e.reason(),
                e.getMessage(),
                incoming.payload(),
                incoming.receivedAt(),
                rawLimit);
        return publisher
                .reject(letter)
                .onFailure(KafkaRefusals::isRefusal)
                .recoverWithUni(refusal -> publisher.reject(DeadLetters.withoutRaw(letter, refusal)))
                .invoke(() -> {
                    counters.deadLetter(subscription.name(), e.reason());
                    String device = incoming.device();
                    if (device != null && !device.isEmpty()) {
                        devices.rejected(source, device, incoming.receivedAt(), e.reason(), e.getMessage());
                    }
                });
    }
}
