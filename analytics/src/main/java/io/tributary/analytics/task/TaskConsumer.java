package io.tributary.analytics.task;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.tributary.contract.Topics;
import io.tributary.contract.json.Json;
import io.tributary.contract.json.MalformedMessageException;
import io.tributary.contract.messaging.Acknowledgement;
import io.tributary.contract.task.TaskMessage;
import io.tributary.contract.trace.MessagingSpans;
import io.tributary.contract.trace.TraceHeaders;
import io.tributary.http.LogSafe;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code tributary.tasks} a poll's batch at a time and executes each attempt ({@link AttemptExecutor}): the
 * tasks of one series (one key) one after the other, in order, and different series of the batch at the same time,
 * so that the broker round trips of one task's reports never hold up another series. Partitions are consumed
 * concurrently too (the channel's {@code concurrency}). The batch is acknowledged only after every report of every
 * attempt in it was acknowledged by the broker: a crash redelivers it, and a recomputed result keeps its id
 * ({@code taskRunId:attempt}). Failure strategy: {@code fail} — only a broker outage outlasting the retries reaches
 * it; unreadable task messages are dropped.
 */
@ApplicationScoped
public class TaskConsumer {
    static final String CHANNEL = "tasks";

    private static final AttributeKey<String> TASK_TYPE = AttributeKey.stringKey("tributary.task.type");
    private static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("tributary.task.attempt");

    private final AttemptExecutor executor;
    private final Tracer tracer;

    public TaskConsumer(AttemptExecutor executor, Tracer tracer) {
        this.executor = executor;
        this.tracer = tracer;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        Map<String, List<Traced>> bySeries = new LinkedHashMap<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            Context parent = TraceHeaders.extract(record.getHeaders());
            try {
                TaskMessage task = read(record.getPayload());
                bySeries.computeIfAbsent(String.valueOf(record.getKey()), k -> new ArrayList<>())
                        .add(new Traced(task, parent));
            } catch (MalformedMessageException e) {
                Log.errorf("Dropping unreadable task message: %s", LogSafe.text(e.getMessage()));
            }
        }
        Uni<Void> work = Multi.createFrom()
                .iterable(bySeries.values())
                .onItem()
                .transformToUniAndMerge(tasks -> Multi.createFrom()
                        .iterable(tasks)
                        .onItem()
                        .transformToUniAndConcatenate(this::execute)
                        .collect()
                        .last())
                .collect()
                .last()
                .replaceWithVoid();
        return Acknowledgement.ackAfter(batch, Uni.createFrom().deferred(() -> work));
    }

    /**
     * Under a {@code process tributary.tasks} span, a child of the trace the task message carried (its run's): the
     * attempt's reports and results continue it.
     */
    private Uni<Void> execute(Traced traced) {
        TaskMessage task = traced.task();
        Span span = MessagingSpans.process(tracer, "kafka", Topics.TASKS, traced.parent())
                .setAttribute(MessagingSpans.TASK_RUN_ID, task.taskRunId().toString())
                .setAttribute(MessagingSpans.FLOW_RUN_ID, task.flowRunId().toString())
                .setAttribute(TASK_TYPE, String.valueOf(task.taskType()))
                .setAttribute(ATTEMPT, (long) task.attempt());
        return MessagingSpans.endedAfter(
                span,
                Uni.createFrom()
                        .deferred(() -> executor.execute(task, traced.parent().with(span))));
    }

    /** A task message and the trace context its record carried. */
    private record Traced(TaskMessage task, Context parent) {}

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
