package io.tributary.orchestrator.run;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.tributary.contract.Topics;
import io.tributary.contract.dlq.DeadLetter;
import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.EventTypes;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.json.Json;
import io.tributary.contract.run.RunChange;
import io.tributary.contract.task.TaskMessage;
import io.tributary.contract.task.TaskUpdate;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.PostgresTestResource;
import io.tributary.devstack.testing.Records;
import io.tributary.devstack.testing.SharedInfrastructure;
import io.tributary.http.testing.PrometheusText;
import io.tributary.orchestrator.tasktype.TaskTypesFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real Kafka and PostgreSQL: an event starts a run, task updates finish it, each change is stored and published. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class FlowRunLifecycleTest {
    @BeforeEach
    void taskTypesArePublished() {
        TaskTypesFixture.ensurePublished();
    }

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final KafkaCompanion kafka = SharedInfrastructure.companion();

    @Test
    void aMatchingEventRunsTheFlowOnceAndTaskUpdatesCompleteIt() {
        String device = "boiler-" + UUID.randomUUID();
        String flowName = "complete-" + device;
        String flowId = registerFlow(flowName, device, 60);
        ConsumerTask<String, String> tasks = kafka.consumeStrings().fromTopics(Topics.TASKS);
        ConsumerTask<String, String> changes = kafka.consumeStrings().fromTopics(Topics.RUNS);
        PrometheusText before = PrometheusText.scrape();

        NormalizedEvent event = TestFlow.event(device, 21.5);
        TestFlow.send(event);
        TestFlow.send(event); // redelivery: must not start a second run
        TestFlow.send(TestFlow.event(device + "-other", 1.0)); // does not match the trigger

        TaskMessage task =
                Json.read(Records.await(tasks, event.seriesKey(), 1).get(0).value(), TaskMessage.class);
        assertEquals("window-stats", task.taskType());
        assertEquals(Map.of("metric", "temperature", "windowSeconds", 60), task.parameters());
        assertEquals(1, task.attempt());
        assertEquals(event.id(), task.input().events().get(0).id());
        String runId = task.flowRunId().toString();

        Instant now = Instant.now();
        TestFlow.report(TaskUpdate.running(task, now));
        TestFlow.report(TaskUpdate.completed(task, Json.MAPPER.valueToTree(Map.of("mean", 21.5)), now));
        TestFlow.report(TaskUpdate.completed(task, Json.MAPPER.valueToTree(Map.of("mean", 99)), now)); // redelivered

        Awaitility.await()
                .atMost(WAIT)
                .untilAsserted(() -> given().get("/runs/{id}", runId)
                        .then()
                        .statusCode(200)
                        .body("state.type", equalTo("COMPLETED"))
                        .body("result.mean", equalTo(21.5f)));
        JsonPath run = given().get("/runs/{id}", runId).then().extract().jsonPath();
        assertEquals(
                List.of("SCHEDULED", "PENDING", "PENDING", "RUNNING", "RUNNING", "COMPLETED", "COMPLETED"),
                run.getList("history.state.type"));
        assertEquals("COMPLETED", run.getString("taskRuns[0].state.type"));

        given().queryParam("flow", flowId)
                .get("/runs")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(runId))
                .body("next", nullValue());
        given().queryParam("flow", flowId)
                .queryParam("state", "FAILED")
                .get("/runs")
                .then()
                .body("items", hasSize(0));

        List<String> published = Records.await(changes, runId, 7).stream()
                .map(r -> Json.read(r.value(), RunChange.class).type().name())
                .toList();
        assertEquals(run.getList("history.state.type"), published.subList(0, 7));

        // Counted after each commit: the run's moves by state (exact: the flow is this test's own), the firing and
        // evaluations of its event trigger, and the task run's duration by type. Other tests' flows share the kind
        // and the task type, hence at-least there.
        PrometheusText after = PrometheusText.scrape();
        for (String state : List.of("Scheduled", "Pending", "Running", "Completed")) {
            assertEquals(1.0, after.value("tributary_runs_transitions_total", "flow", flowName, "state", state), state);
        }
        assertEquals(0.0, after.value("tributary_runs_transitions_total", "flow", flowName, "state", "Failed"));
        assertTrue(after.increaseSince(before, "tributary_trigger_firings_total", "kind", "event") >= 1);
        // Three events were offered to at least this flow's trigger; the redelivered one too.
        assertTrue(after.increaseSince(before, "tributary_trigger_evaluations_total", "kind", "event") >= 3);
        assertTrue(after.has("tributary_trigger_firings_total", "kind", "threshold"), "every kind is registered");
        assertTrue(after.increaseSince(
                        before, "tributary_task_runs_transitions_total", "type", "window-stats", "state", "Completed")
                >= 1);
        assertTrue(after.increaseSince(
                        before,
                        "tributary_task_run_duration_seconds_count",
                        "type",
                        "window-stats",
                        "state",
                        "Completed")
                >= 1);
        assertTrue(after.has("tributary_task_run_duration_seconds_bucket", "type", "window-stats", "le", "+Inf"));
        // The Kafka binder's client-level lag (the per-partition one is registered at its next refresh, a minute on).
        after.assertHas("kafka_consumer_fetch_manager_records_lag_max");
        // The relay emptied the outbox of the run's changes (they were all published above); the gauge is counted
        // every second in tests.
        Awaitility.await()
                .atMost(WAIT)
                .untilAsserted(() -> assertEquals(0.0, PrometheusText.scrape().value("tributary_outbox_backlog")));
        assertTrue(PrometheusText.scrape().has("tributary_outbox_backlog"));
    }

    @Test
    void anAttemptThatRunsPastItsTimeoutTimesOutButWaitingInTheQueueNeverDoes() {
        String device = "silent-" + UUID.randomUUID();
        String flowId = registerFlow("timeout-" + device, device, 1);
        ConsumerTask<String, String> tasks = kafka.consumeStrings().fromTopics(Topics.TASKS);
        NormalizedEvent event = TestFlow.event(device, 3.0);
        TestFlow.send(event);
        TaskMessage task =
                Json.read(Records.await(tasks, event.seriesKey(), 1).get(0).value(), TaskMessage.class);
        assertEquals(Duration.ofSeconds(1), task.timeout());

        // Longer than the timeout in the queue: still Pending, never failed.
        Awaitility.await()
                .pollDelay(Duration.ofMillis(1500))
                .atMost(WAIT)
                .untilAsserted(() -> given().queryParam("flow", flowId)
                        .get("/runs")
                        .then()
                        .body("items.state.type", contains("PENDING")));
        TestFlow.report(TaskUpdate.running(task, Instant.now()));

        Awaitility.await()
                .atMost(WAIT)
                .untilAsserted(() -> given().queryParam("flow", flowId)
                        .get("/runs")
                        .then()
                        .body("items.state.type", contains("FAILED"))
                        .body("items.state.name", contains("Failed")));
        String runId = task.flowRunId().toString();
        given().get("/runs/{id}", runId)
                .then()
                .body("taskRuns[0].state.name", equalTo("TimedOut"))
                .body("taskRuns[0].error", org.hamcrest.Matchers.containsString("ran past its timeout of PT1S"));
    }

    @Test
    void invalidFlowsAreRejectedWithProblemDetails() {
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"\",\"tasks\":[],\"resultTopic\":\"bad topic!\"}")
                .post("/flows")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tributary.io/problems/validation"))
                .body("status", equalTo(400))
                .body("errors.field", contains("name", "name", "resultTopic", "tasks"));

        given().contentType(ContentType.JSON)
                .body("{not json")
                .post("/flows")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");

        String name = "dup-" + UUID.randomUUID();
        registerFlow(name, "x", 60);
        given().contentType(ContentType.JSON)
                .body(flowJson(name, "x", 60))
                .post("/flows")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tributary.io/problems/conflict"));

        given().get("/runs/{id}", UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tributary.io/problems/not-found"));
    }

    @Test
    void anEventWithoutCloudEventAttributesIsDeadLettered() {
        ConsumerTask<String, String> dlq = kafka.consumeStrings().fromTopics(Topics.EVENTS_DLQ);
        kafka.produceStrings()
                .fromRecords(new ProducerRecord<>(Topics.EVENTS, "/orders|o-1", "{\"no\":\"headers\"}"))
                .awaitCompletion();
        ConsumerRecord<String, String> letter =
                Records.await(dlq, "/orchestrator", 1).get(0);
        assertEquals(
                DeadLetterReason.INVALID_ENVELOPE,
                Json.read(letter.value(), DeadLetter.class).reason());
    }

    private String registerFlow(String name, String subject, int timeoutSeconds) {
        return given().contentType(ContentType.JSON)
                .body(flowJson(name, subject, timeoutSeconds))
                .post("/flows")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String flowJson(String name, String subject, int timeoutSeconds) {
        return Json.write(Map.of(
                "name", name,
                "triggers",
                        List.of(Map.of(
                                "kind",
                                "event",
                                "type",
                                EventTypes.MEASUREMENT,
                                "source",
                                "/iot/*",
                                "subject",
                                subject)),
                "tasks",
                        List.of(Map.of(
                                "name",
                                "stats",
                                "type",
                                "window-stats",
                                "parameters",
                                Map.of("metric", "temperature", "windowSeconds", 60),
                                "timeoutSeconds",
                                timeoutSeconds))));
    }
}
