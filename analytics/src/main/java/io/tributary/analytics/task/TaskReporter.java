package io.tributary.analytics.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.tributary.contract.json.Json;
import io.tributary.contract.result.ResultMessages;
import io.tributary.contract.task.TaskMessage;
import io.tributary.contract.task.TaskUpdate;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends what an attempt reports. Each method returns the send, which happens on subscription and emits once the
 * broker acknowledged it.
 */
@ApplicationScoped
public class TaskReporter {
    static final String UPDATES = "task-updates";
    static final String RESULTS = "results";

    private final MutinyEmitter<String> updates;
    private final MutinyEmitter<String> results;

    public TaskReporter(
            @Channel(UPDATES) MutinyEmitter<String> updates, @Channel(RESULTS) MutinyEmitter<String> results) {
        this.updates = updates;
        this.results = results;
    }

    Uni<Void> report(TaskMessage task, TaskUpdate update) {
        // Keyed by flow run, so the updates of one run stay in order.
        return updates.sendMessage(Message.of(Json.write(update))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(task.flowRunId().toString())
                        .build()));
    }

    /** @param topic null for {@code tributary.results}, else the flow's own result topic */
    Uni<Void> publishResult(TaskMessage task, JsonNode result, Instant at, String topic) {
        return results.sendMessage(ResultMessages.toMessage(task, result, at.atZone(ZoneOffset.UTC), topic));
    }
}
