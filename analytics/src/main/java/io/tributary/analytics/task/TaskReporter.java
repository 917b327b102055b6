package io.tributary.analytics.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.tributary.analytics.result.MqttResults;
import io.tributary.analytics.result.MqttResultsConfig;
import io.tributary.analytics.result.ResultStore;
import io.tributary.analytics.result.ResultWindow;
import io.tributary.analytics.result.StoredResult;
import io.tributary.contract.Topics;
import io.tributary.contract.json.Json;
import io.tributary.contract.result.ResultMessages;
import io.tributary.contract.task.TaskMessage;
import io.tributary.contract.task.TaskUpdate;
import io.tributary.contract.trace.MessagingSpans;
import io.tributary.contract.trace.TraceHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
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
    private final Instance<MqttResults> mqtt;
    private final MqttResultsConfig mqttConfig;
    private final ResultStore recent;
    private final Tracer tracer;
    private final TaskMetrics metrics;

    /**
     * @param mqtt looked up only when MQTT is enabled: with it off, its channel is disabled and its emitter cannot be
     *     injected
     */
    public TaskReporter(
            @Channel(UPDATES) MutinyEmitter<String> updates,
            @Channel(RESULTS) MutinyEmitter<String> results,
            Instance<MqttResults> mqtt,
            MqttResultsConfig mqttConfig,
            ResultStore recent,
            Tracer tracer,
            TaskMetrics metrics) {
        this.tracer = tracer;
        this.updates = updates;
        this.results = results;
        this.mqtt = mqtt;
        this.mqttConfig = mqttConfig;
        this.recent = recent;
        this.metrics = metrics;
    }

    /** @param trace the task's span: the update carries its context ({@code traceparent}) */
    Uni<Void> report(TaskMessage task, TaskUpdate update, Context trace) {
        // Keyed by flow run, so the updates of one run stay in order.
        return updates.sendMessage(Message.of(Json.write(update))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(task.flowRunId().toString())
                        .withHeaders(TraceHeaders.of(trace))
                        .build()));
    }

    /**
     * Sends under a {@code publish <topic>} span, a child of the task's span, whose context the result carries.
     *
     * @param topic null for {@code tributary.results}, else the flow's own result topic
     */
    Uni<Void> publishResult(TaskMessage task, JsonNode result, Instant at, String topic, Context trace) {
        return Uni.createFrom().deferred(() -> {
            Span span = MessagingSpans.publish(tracer, "kafka", topic == null ? Topics.RESULTS : topic, trace)
                    .setAttribute(MessagingSpans.TASK_RUN_ID, task.taskRunId().toString())
                    .setAttribute(MessagingSpans.FLOW_RUN_ID, task.flowRunId().toString());
            return MessagingSpans.endedAfter(
                            span,
                            results.sendMessage(ResultMessages.toMessage(
                                    task,
                                    result,
                                    at.atZone(ZoneOffset.UTC),
                                    topic,
                                    ResultWindow.extensions(result),
                                    TraceHeaders.of(trace.with(span)))))
                    .invoke(() -> metrics.published(
                            task.taskType(), topic == null ? "shared" : "flow", Duration.between(at, Instant.now())));
        });
    }

    /**
     * Publishes to MQTT (when enabled) without holding up the attempt: MQTT is a copy for devices and dashboards,
     * and a broker away must not stop the tasks' partition. Keeps the result for {@code GET /results}.
     */
    void alsoPublish(TaskMessage task, JsonNode result, Instant at) {
        recent.add(new StoredResult(
                task.taskRunId() + ":" + task.attempt(),
                task.flowOrRunId(),
                task.flowRunId(),
                task.taskRunId(),
                task.taskName(),
                task.taskType(),
                task.attempt(),
                task.input().seriesKey(),
                at,
                result));
        if (!mqttConfig.enabled()) {
            return;
        }
        // Deferred: a failure to look the publisher up ends here too, never in the attempt.
        Uni.createFrom()
                .deferred(() -> mqtt.get().publish(task, result))
                .subscribe()
                .with(
                        ignored -> {},
                        e -> Log.warnf("Result of %s not published to MQTT: %s", task.taskRunId(), e.getMessage()));
    }
}
