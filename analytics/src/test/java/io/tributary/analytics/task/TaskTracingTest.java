package io.tributary.analytics.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.logging.json.runtime.JsonFormatter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.tributary.contract.Topics;
import io.tributary.contract.json.Json;
import io.tributary.contract.task.TaskMessage;
import io.tributary.contract.trace.LogFields;
import io.tributary.contract.trace.MessagingSpans;
import io.tributary.devstack.testing.CapturedLogs;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.RecordedSpans;
import io.tributary.devstack.testing.Records;
import io.tributary.devstack.testing.SharedInfrastructure;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/**
 * Real Kafka: the trace a task message carries ({@code traceparent}, its run's) is continued by the attempt, its
 * result and its reports; the attempt's log lines carry the run, the task run and the trace.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class TaskTracingTest {
    private final KafkaCompanion kafka = SharedInfrastructure.companion();

    @Inject
    RecordedSpans spans;

    @Test
    void aTasksTraceReachesItsResultAndItsReports() {
        String series = TaskFixtures.newSeries("traced");
        ConsumerTask<String, String> results = kafka.consumeStrings().fromTopics(Topics.RESULTS);
        ConsumerTask<String, String> updates = kafka.consumeStrings().fromTopics(Topics.TASK_UPDATES);
        TaskMessage task = TaskFixtures.sleep(series, 0, Duration.ofSeconds(30), null);
        String upstream = RecordedSpans.newTraceparent();
        String traceId = RecordedSpans.traceId(upstream);

        CapturedLogs.Line ended;
        try (CapturedLogs logs = CapturedLogs.debugOf(AttemptReports.class)) {
            send(task, upstream);
            ended = logs.await(
                    "the attempt's end logged",
                    line -> task.taskRunId().toString().equals(line.mdc().get(LogFields.TASK_RUN_ID)));
        }
        assertEquals(task.flowRunId().toString(), ended.mdc().get(LogFields.RUN_ID));
        assertEquals(traceId, ended.mdc().get(LogFields.TRACE_ID), "the log line leads to the trace");
        // As the prod profile writes it: a JSON line whose mdc object carries the fields.
        String json = new JsonFormatter().format(ended.record());
        assertTrue(json.contains("\"taskRunId\":\"" + task.taskRunId() + "\""), json);
        assertTrue(json.contains("\"traceId\":\"" + traceId + "\""), json);

        SpanData processed = spans.await("process span", RecordedSpans.named("process tributary.tasks", traceId));
        assertEquals(SpanKind.CONSUMER, processed.getKind());
        assertEquals(RecordedSpans.spanId(upstream), processed.getParentSpanId());
        assertEquals(task.taskRunId().toString(), processed.getAttributes().get(MessagingSpans.TASK_RUN_ID));

        ConsumerRecord<String, String> result =
                Records.await(results, series, 1).get(0);
        String resultContext = Records.header(result, "traceparent");
        assertEquals(traceId, RecordedSpans.traceId(resultContext));
        SpanData published = spans.await(
                "publish span of the result", span -> span.getSpanId().equals(RecordedSpans.spanId(resultContext)));
        assertEquals("publish tributary.results", published.getName());
        assertEquals(SpanKind.PRODUCER, published.getKind());
        assertEquals(processed.getSpanId(), published.getParentSpanId());

        List<ConsumerRecord<String, String>> reports =
                Records.await(updates, task.flowRunId().toString(), 2);
        for (ConsumerRecord<String, String> report : reports) {
            assertEquals(traceId, RecordedSpans.traceId(Records.header(report, "traceparent")));
        }
    }

    private void send(TaskMessage task, String traceparent) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        kafka.produceStrings()
                .fromRecords(
                        new ProducerRecord<>(Topics.TASKS, null, task.input().seriesKey(), Json.write(task), headers))
                .awaitCompletion();
    }
}
