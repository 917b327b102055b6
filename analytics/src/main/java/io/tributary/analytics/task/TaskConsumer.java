package io.tributary.analytics.task;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.tributary.contract.json.Json;
import io.tributary.contract.json.MalformedMessageException;
import io.tributary.contract.messaging.Acknowledgement;
import io.tributary.contract.result.ResultMessages;
import io.tributary.contract.task.TaskMessage;
import io.tributary.contract.task.TaskUpdate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Executes task runs: reports RUNNING, computes, publishes the result, reports COMPLETED — or FAILED with the reason
 * for an unknown type, bad parameters or a passed deadline. The task message is acknowledged only after its last
 * report is acknowledged by the broker; a redelivery computes again and publishes under the same result id.
 * Failure strategy: {@code fail} — only a broker outage outlasting the retries reaches it.
 */
@ApplicationScoped
public class TaskConsumer {
    static final String CHANNEL = "tasks";
    static final String UPDATES = "task-updates";
    static final String RESULTS = "results";

    private final Map<String, AnalysisTask> tasks;
    private final MutinyEmitter<String> updates;
    private final MutinyEmitter<String> results;

    public TaskConsumer(
            Instance<AnalysisTask> tasks,
            @Channel(UPDATES) MutinyEmitter<String> updates,
            @Channel(RESULTS) MutinyEmitter<String> results) {
        this.tasks = tasks.stream().collect(Collectors.toMap(AnalysisTask::type, Function.identity()));
        this.updates = updates;
        this.results = results;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> message) {
        Uni<Void> work = Uni.createFrom()
                .item(() -> Json.read(message.getPayload(), TaskMessage.class))
                .flatMap(this::execute)
                .onFailure(MalformedMessageException.class)
                .invoke(e -> Log.errorf("Dropping unreadable task message: %s", e.getMessage()))
                .onFailure(MalformedMessageException.class)
                .recoverWithNull()
                .replaceWithVoid();
        return Acknowledgement.ackAfter(message, work);
    }

    private Uni<Void> execute(TaskMessage task) {
        if (task.deadline() != null && Instant.now().isAfter(task.deadline())) {
            return report(
                    task,
                    TaskUpdate.failed(task, "deadline " + task.deadline() + " passed before execution", Instant.now()));
        }
        AnalysisTask executor = tasks.get(task.taskType());
        if (executor == null) {
            return report(
                    task,
                    TaskUpdate.failed(
                            task,
                            "unknown task type '" + task.taskType() + "'; known: " + tasks.keySet(),
                            Instant.now()));
        }
        return report(task, TaskUpdate.running(task, Instant.now()))
                .flatMap(ignored -> Uni.createFrom().deferred(() -> executor.execute(task)))
                .flatMap(result -> publish(task, result)
                        .flatMap(ignored -> report(
                                task, TaskUpdate.completed(task, Json.MAPPER.valueToTree(result), Instant.now()))))
                .onFailure(InvalidTaskException.class)
                .recoverWithUni(e -> report(task, TaskUpdate.failed(task, e.getMessage(), Instant.now())));
    }

    private Uni<Void> publish(TaskMessage task, Object result) {
        var time = Instant.now().atZone(ZoneOffset.UTC);
        Uni<Void> main = results.sendMessage(ResultMessages.toMessage(task, result, time, null));
        if (task.resultTopic() == null) {
            return main;
        }
        return main.flatMap(
                ignored -> results.sendMessage(ResultMessages.toMessage(task, result, time, task.resultTopic())));
    }

    private Uni<Void> report(TaskMessage task, TaskUpdate update) {
        // Keyed by flow run, so the updates of one run stay in order.
        return updates.sendMessage(Message.of(Json.write(update))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(task.flowRunId().toString())
                        .build()));
    }
}
