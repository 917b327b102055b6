package io.tributary.contract.ingest;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.tributary.contract.Topics;
import io.tributary.contract.dlq.DeadLetter;
import io.tributary.contract.dlq.DeadLetterMessages;
import io.tributary.contract.event.EventMessages;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.trace.MessagingSpans;
import io.tributary.contract.trace.TraceHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * What every ingest service does with its input: publish the event, or the dead letter, and complete only once the
 * broker has acknowledged it, so the source is acknowledged (MQTT PUBACK, upstream offset) after and never before.
 * Discovered only by services that index the contract jar ({@code quarkus.index-dependency.contract}).
 */
@ApplicationScoped
public class IngestPublisher {
    public static final String EVENTS_CHANNEL = "events";
    public static final String DEAD_LETTER_CHANNEL = "dead-letters";

    private final MutinyEmitter<String> events;
    private final MutinyEmitter<String> deadLetters;
    private final Tracer tracer;

    public IngestPublisher(
            @Channel(EVENTS_CHANNEL) MutinyEmitter<String> events,
            @Channel(DEAD_LETTER_CHANNEL) MutinyEmitter<String> deadLetters,
            Tracer tracer) {
        this.events = events;
        this.deadLetters = deadLetters;
        this.tracer = tracer;
    }

    /**
     * Publishes under a {@code publish tributary.events} span, a child of {@code parent} (the span of the reading,
     * page or delivery the event came from), whose context the record carries in its {@code traceparent} header.
     */
    public Uni<Void> publish(NormalizedEvent event, Context parent) {
        return Uni.createFrom().deferred(() -> {
            Span span = MessagingSpans.publish(tracer, "kafka", Topics.EVENTS, parent)
                    .setAttribute(MessagingSpans.EVENT_ID, event.id())
                    .setAttribute(MessagingSpans.MESSAGE_KEY, event.seriesKey());
            return MessagingSpans.endedAfter(
                    span, events.sendMessage(EventMessages.toMessage(event, TraceHeaders.of(parent.with(span)))));
        });
    }

    public Uni<Void> reject(DeadLetter letter) {
        return deadLetters.sendMessage(DeadLetterMessages.toMessage(letter));
    }
}
