package io.tributary.orchestrator.run;

import io.smallrye.mutiny.Uni;
import io.tributary.contract.json.Json;
import io.tributary.contract.messaging.Acknowledgement;
import io.tributary.contract.task.TaskUpdate;
import io.tributary.orchestrator.outbox.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Applies executors' reports to task and flow runs; acknowledged once stored. Failure strategy: {@code ignore} for
 * an unreadable update (it is logged; there is no run to attach it to), {@code fail} otherwise, as for events.
 */
@ApplicationScoped
public class TaskUpdateConsumer {
    static final String CHANNEL = "task-updates";

    private final RunService runs;
    private final OutboxRelay relay;

    public TaskUpdateConsumer(RunService runs, OutboxRelay relay) {
        this.runs = runs;
        this.relay = relay;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> message) {
        return Acknowledgement.ackAfter(
                message,
                Uni.createFrom()
                        .item(() -> Json.read(message.getPayload(), TaskUpdate.class))
                        .flatMap(runs::apply)
                        .invoke(relay::nudge));
    }
}
