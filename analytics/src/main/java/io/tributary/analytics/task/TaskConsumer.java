package io.tributary.analytics.task;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.tributary.contract.json.Json;
import io.tributary.contract.json.MalformedMessageException;
import io.tributary.contract.messaging.Acknowledgement;
import io.tributary.contract.task.TaskMessage;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads {@code tributary.tasks} and executes each attempt ({@link AttemptExecutor}). Partitions are consumed
 * concurrently (the channel's {@code concurrency}), each in order, so the tasks of one series run one after the
 * other. The task message is acknowledged only after every report of its attempt was acknowledged by the broker:
 * a crash redelivers it, and the recomputed result keeps its id ({@code taskRunId:attempt}). Failure strategy:
 * {@code fail} — only a broker outage outlasting the retries reaches it; unreadable task messages are dropped.
 */
@ApplicationScoped
public class TaskConsumer {
    static final String CHANNEL = "tasks";

    private final AttemptExecutor executor;

    public TaskConsumer(AttemptExecutor executor) {
        this.executor = executor;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> message) {
        Uni<Void> work = Uni.createFrom()
                .item(() -> read(message.getPayload()))
                .flatMap(executor::execute)
                .onFailure(MalformedMessageException.class)
                .invoke(e -> Log.errorf("Dropping unreadable task message: %s", e.getMessage()))
                .onFailure(MalformedMessageException.class)
                .recoverWithNull()
                .replaceWithVoid();
        return Acknowledgement.ackAfter(message, work);
    }

    /** Without these, nothing can be reported about the task, nor computed. */
    private static TaskMessage read(String payload) {
        if (payload == null) {
            throw new MalformedMessageException("task message without a body");
        }
        TaskMessage task = Json.read(payload, TaskMessage.class);
        if (task.taskRunId() == null || task.flowRunId() == null || task.input() == null) {
            throw new MalformedMessageException("task message without a task run id, a flow run id or an input");
        }
        return task;
    }
}
