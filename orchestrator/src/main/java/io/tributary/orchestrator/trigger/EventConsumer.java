package io.tributary.orchestrator.trigger;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.tributary.contract.dlq.DeadLetter;
import io.tributary.contract.dlq.DeadLetterMessages;
import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.EventMessages;
import io.tributary.contract.json.MalformedMessageException;
import io.tributary.contract.messaging.Acknowledgement;
import io.tributary.orchestrator.outbox.OutboxRelay;
import io.tributary.orchestrator.run.RunService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Fires event triggers. The event is acknowledged (its offset becomes committable) only after the runs it started
 * are stored; an event that breaks the contract goes to the dead-letter topic. Failure strategy: {@code fail} — only
 * a database outage outlasting the retries reaches it; better to stop and be restarted than to skip events.
 */
@ApplicationScoped
public class EventConsumer {
    static final String CHANNEL = "events";
    static final String DEAD_LETTERS = "dead-letters";
    private static final String SOURCE = "/orchestrator";

    private final RunService runs;
    private final MutinyEmitter<String> deadLetters;
    private final OutboxRelay relay;

    public EventConsumer(RunService runs, @Channel(DEAD_LETTERS) MutinyEmitter<String> deadLetters, OutboxRelay relay) {
        this.runs = runs;
        this.deadLetters = deadLetters;
        this.relay = relay;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> message) {
        Uni<Void> work = Uni.createFrom()
                .item(() -> EventMessages.fromMessage(message))
                .flatMap(runs::startRuns)
                .invoke(started -> {
                    if (!started.isEmpty()) {
                        relay.nudge();
                    }
                })
                .replaceWithVoid()
                .onFailure(MalformedMessageException.class)
                .recoverWithUni(e -> deadLetters.sendMessage(DeadLetterMessages.toMessage(new DeadLetter(
                        SOURCE,
                        "kafka:" + CHANNEL,
                        DeadLetterReason.INVALID_ENVELOPE,
                        e.getMessage(),
                        message.getPayload(),
                        Instant.now()))));
        return Acknowledgement.ackAfter(message, work);
    }
}
