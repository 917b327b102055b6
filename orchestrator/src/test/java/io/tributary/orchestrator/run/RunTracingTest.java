package io.tributary.orchestrator.run;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.tributary.contract.Topics;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.json.Json;
import io.tributary.contract.task.TaskMessage;
import io.tributary.contract.task.TaskUpdate;
import io.tributary.contract.trace.LogFields;
import io.tributary.devstack.testing.CapturedLogs;
import io.tributary.devstack.testing.CloudEventRecords;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.PostgresTestResource;
import io.tributary.devstack.testing.RecordedSpans;
import io.tributary.devstack.testing.Records;
import io.tributary.devstack.testing.SharedInfrastructure;
import io.tributary.orchestrator.engine.RunEngine;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Real Kafka and PostgreSQL: the trace an event carries ({@code traceparent}) is continued by the run it starts and
 * reaches every task message of the run, the first one relayed from the outbox and the next one dispatched after a
 * task update, across the database in between.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class RunTracingTest {
    private final KafkaCompanion kafka = SharedInfrastructure.companion();

    @Inject
    RecordedSpans spans;

    @Test
    void anEventsTraceReachesEveryTaskMessageOfTheRunItStarts() {
        TestFlow flow = TestFlow.register(List.of(
                TestFlow.task("load", Map.of("metric", "temperature")),
                TestFlow.task("report", Map.of("metric", "temperature"), "load")));
        ConsumerTask<String, String> tasks = kafka.consumeStrings().fromTopics(Topics.TASKS);
        ConsumerTask<String, String> changes = kafka.consumeStrings().fromTopics(Topics.RUNS);
        String upstream = RecordedSpans.newTraceparent();
        String traceId = RecordedSpans.traceId(upstream);
        NormalizedEvent event = TestFlow.event(flow.prefix + "-1", 20.0);

        String runId;
        try (CapturedLogs logs = CapturedLogs.debugOf(RunEngine.class)) {
            kafka.produceStrings()
                    .fromRecords(CloudEventRecords.of(event, upstream))
                    .awaitCompletion();
            runId = flow.awaitRunOf(event.id());
            String run = runId;
            CapturedLogs.Line started = logs.await(
                    "the run's start logged", line -> run.equals(line.mdc().get(LogFields.RUN_ID)));
            assertEquals(event.id(), started.mdc().get(LogFields.EVENT_ID));
            assertEquals(traceId, started.mdc().get(LogFields.TRACE_ID), "the log line leads to the trace");
        }

        // The event's span is a child of the producer's, the run's a child of the event's.
        SpanData processed = spans.await("process span", RecordedSpans.named("process tributary.events", traceId));
        assertEquals(SpanKind.CONSUMER, processed.getKind());
        assertEquals(RecordedSpans.spanId(upstream), processed.getParentSpanId());
        assertEquals(event.id(), processed.getAttributes().get(io.tributary.contract.trace.MessagingSpans.EVENT_ID));
        SpanData started = spans.await("start run span", RecordedSpans.named("start run", traceId));
        assertEquals(processed.getSpanId(), started.getParentSpanId());
        assertEquals(runId, started.getAttributes().get(io.tributary.contract.trace.MessagingSpans.FLOW_RUN_ID));

        // The first task, relayed from the outbox: its record carries the trace, under a publish span of the run's.
        ConsumerRecord<String, String> first = awaitTask(tasks, runId, "load");
        String firstContext = Records.header(first, "traceparent");
        assertEquals(traceId, RecordedSpans.traceId(firstContext));
        SpanData published = spans.await(
                "publish span of the first task", span -> span.getSpanId().equals(RecordedSpans.spanId(firstContext)));
        assertEquals("publish tributary.tasks", published.getName());
        assertEquals(SpanKind.PRODUCER, published.getKind());
        assertEquals(started.getSpanId(), published.getParentSpanId());

        // The second task is dispatched after the first one's update, in another transaction: the run row kept it.
        TaskMessage load = Json.read(first.value(), TaskMessage.class);
        TestFlow.report(TaskUpdate.running(load, Instant.now()));
        TestFlow.report(TaskUpdate.completed(load, Json.MAPPER.valueToTree(Map.of("mean", 20.0)), Instant.now()));
        String secondContext = Records.header(awaitTask(tasks, runId, "report"), "traceparent");
        assertEquals(traceId, RecordedSpans.traceId(secondContext));
        SpanData republished = spans.await(
                "publish span of the second task",
                span -> span.getSpanId().equals(RecordedSpans.spanId(secondContext)));
        assertEquals(started.getSpanId(), republished.getParentSpanId());

        // The run's state changes continue it too.
        List<ConsumerRecord<String, String>> runChanges = Records.await(changes, runId, 1);
        assertTrue(runChanges.stream()
                .allMatch(r -> traceId.equals(RecordedSpans.traceId(Records.header(r, "traceparent")))));
    }

    @Test
    void anEventWithoutATraceStartsOneThatItsTasksCarry() {
        TestFlow flow = TestFlow.register();
        ConsumerTask<String, String> tasks = kafka.consumeStrings().fromTopics(Topics.TASKS);
        NormalizedEvent event = TestFlow.event(flow.prefix + "-1", 20.0);
        TestFlow.send(event);
        String runId = flow.awaitRunOf(event.id());

        String context = Records.header(awaitTask(tasks, runId, "stats"), "traceparent");
        SpanData processed = spans.await(
                "process span of the event",
                span -> span.getName().equals("process tributary.events")
                        && event.id()
                                .equals(span.getAttributes().get(io.tributary.contract.trace.MessagingSpans.EVENT_ID)));
        assertEquals(false, processed.getParentSpanContext().isValid(), "the event's span is the trace's root");
        assertEquals(processed.getTraceId(), RecordedSpans.traceId(context));
    }

    @Test
    void aRunStartedOverHttpContinuesTheCallersTrace() {
        TestFlow flow = TestFlow.register();
        ConsumerTask<String, String> tasks = kafka.consumeStrings().fromTopics(Topics.TASKS);
        String caller = RecordedSpans.newTraceparent();
        String runId = given().header("traceparent", caller)
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/flows/{name}/runs", flow.prefix)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        String context = Records.header(awaitTask(tasks, runId, "stats"), "traceparent");
        assertEquals(RecordedSpans.traceId(caller), RecordedSpans.traceId(context));
        SpanData started =
                spans.await("start run span", RecordedSpans.named("start run", RecordedSpans.traceId(caller)));
        assertEquals(runId, started.getAttributes().get(io.tributary.contract.trace.MessagingSpans.FLOW_RUN_ID));
    }

    private static ConsumerRecord<String, String> awaitTask(
            ConsumerTask<String, String> tasks, String runId, String taskName) {
        return Awaitility.await()
                .atMost(Records.WAIT)
                .until(
                        () -> tasks.getRecords().stream()
                                .filter(r -> {
                                    TaskMessage task = Json.read(r.value(), TaskMessage.class);
                                    return task.flowRunId().toString().equals(runId)
                                            && task.taskName().equals(taskName);
                                })
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }
}
