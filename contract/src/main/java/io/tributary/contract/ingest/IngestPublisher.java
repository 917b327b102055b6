package io.tributary.contract.ingest;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.tributary.contract.dlq.DeadLetter;
import io.tributary.contract.dlq.DeadLetterMessages;
import io.tributary.contract.event.EventMessages;
import io.tributary.contract.event.NormalizedEvent;
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

    public IngestPublisher(
            @Channel(EVENTS_CHANNEL) MutinyEmitter<String> events,
            @Channel(DEAD_LETTER_CHANNEL) MutinyEmitter<String> deadLetters) {
        this.events = events;
        this.deadLetters = deadLetters;
    }

    public Uni<Void> publish(NormalizedEvent event) {
        return events.sendMessage(EventMessages.toMessage(event));
    }

    public Uni<Void> reject(DeadLetter letter) {
        return deadLetters.sendMessage(DeadLetterMessages.toMessage(letter));
    }
}
