package io.tributary.orchestrator.engine;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.tributary.contract.json.Json;
import io.tributary.contract.json.MalformedMessageException;
import io.tributary.contract.messaging.Acknowledgement;
import io.tributary.contract.task.TaskUpdate;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Applies executors' reports, a poll's batch in one transaction; the batch is acknowledged once stored. An
 * unreadable report is logged and skipped (there is no run to attach it to). Failure strategy: {@code fail} — only a
 * database outage outlasting the retries reaches it; better to stop and be restarted than to skip reports.
 */
@ApplicationScoped
public class TaskUpdateConsumer {
    static final String CHANNEL = "task-updates";

    private final RunEngine engine;
    private final UpdateAssignments assignments;

    public TaskUpdateConsumer(RunEngine engine, @Identifier(UpdateAssignments.NAME) UpdateAssignments assignments) {
        this.engine = engine;
        this.assignments = assignments;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<TaskUpdate> updates = new ArrayList<>();
        batch.getRecords().stream()
                .map(KafkaRecord::getTimestamp)
                .min(Instant::compareTo)
                .ifPresent(assignments::consuming);
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                TaskUpdate update = Json.read(record.getPayload(), TaskUpdate.class);
                if (update.taskRunId() == null || update.flowRunId() == null || update.status() == null) {
                    throw new MalformedMessageException("a task update needs taskRunId, flowRunId and status");
                }
                updates.add(update);
            } catch (MalformedMessageException e) {
                Log.errorf(
                        "Skipping unreadable task update at offset %d: %s",
                        record.getMetadata(IncomingKafkaRecordMetadata.class)
                                .map(m -> m.getOffset())
                                .orElse(-1L),
                        e.getMessage());
            }
        }
        return Acknowledgement.ackAfter(
                batch, OnContext.pinned(Uni.createFrom().deferred(() -> engine.apply(updates))));
    }
}
