package io.tributary.orchestrator.flow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.tributary.contract.Topics;
import io.tributary.contract.event.EventData;
import io.tributary.contract.event.EventTypes;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.json.Json;
import io.tributary.contract.task.TaskMessage;
import io.tributary.contract.task.TaskUpdate;
import io.tributary.devstack.testing.CloudEventRecords;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.PostgresTestResource;
import io.tributary.devstack.testing.SharedInfrastructure;
import io.tributary.orchestrator.tasktype.TaskTypesFixture;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Flows over HTTP against the real PostgreSQL and Kafka: versions, expressions checked when saved, event filters,
 * runs started by hand with an idempotency key, and data passed along a DAG. The test plays the executor.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class FlowApiTest {
    @BeforeEach
    void taskTypesArePublished() {
        TaskTypesFixture.ensurePublished();
    }

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final KafkaCompanion kafka = SharedInfrastructure.companion();

    @Test
    void aChangeMakesANewVersionAndARunKeepsTheVersionItStartedWith() {
        String name = "versioned-" + UUID.randomUUID();
        String device = name + "-dev";
        Map<String, Object> v1 = flow(name, device, null, Map.of("metric", "temperature"));
        given().contentType(ContentType.JSON)
                .body(Json.write(v1))
                .post("/flows")
                .then()
                .statusCode(201)
                .body("version", equalTo(1));

        ConsumerTask<String, String> tasks = kafka.consumeStrings().fromTopics(Topics.TASKS);
        send(device, 20.0);
        TaskMessage first = awaitTask(tasks, device, 1);

        Map<String, Object> v2 = flow(name, device, null, Map.of("metric", "pressure"));
        given().contentType(ContentType.JSON)
                .body(Json.write(v2))
                .put("/flows/{name}", name)
                .then()
                .statusCode(200)
                .body("version", equalTo(2));
        given().contentType(ContentType.JSON)
                .body(Json.write(v2))
                .put("/flows/{name}", name)
                .then()
                .statusCode(200)
                .body("version", equalTo(2));
        given().get("/flows/{name}/versions", name)
                .then()
                .statusCode(200)
                .body("version", equalTo(List.of(2, 1)))
                .body("[1].tasks[0].parameters.metric", equalTo("temperature"));

        // The run started at version 1 finishes with it; a new event starts a run of version 2.
        complete(first);
        Awaitility.await()
                .atMost(WAIT)
                .untilAsserted(() -> given().get("/runs/{id}", first.flowRunId())
                        .then()
                        .body("state.name", equalTo("Completed"))
                        .body("flowVersion", equalTo(1)));
        send(device, 21.0);
        TaskMessage second = awaitTask(tasks, device, 2);
        assertEquals("pressure", second.parameters().get("metric"));
        given().get("/runs/{id}", second.flowRunId()).then().body("flowVersion", equalTo(2));
    }

    @Test
    void aDeletedFlowIsNoLongerTriggeredAndItsVersionsStayReadable() {
        String name = "deleted-" + UUID.randomUUID();
        String device = name + "-dev";
        given().contentType(ContentType.JSON)
                .body(Json.write(flow(name, device, null, Map.of("metric", "t"))))
                .post("/flows")
                .then()
                .statusCode(201);
        given().delete("/flows/{name}", name).then().statusCode(204);
        given().get("/flows/{name}", name).then().statusCode(404).contentType("application/problem+json");
        given().get("/flows/{name}/versions/1", name).then().statusCode(200).body("name", equalTo(name));
        given().delete("/flows/{name}", name).then().statusCode(404);

        // Saved again: the next version, triggered again.
        given().contentType(ContentType.JSON)
                .body(Json.write(flow(name, device, null, Map.of("metric", "t"))))
                .put("/flows/{name}", name)
                .then()
                .statusCode(201)
                .body("version", equalTo(2));
    }

    @Test
    void expressionsAreCheckedWhenTheFlowIsSavedWithTheirPosition() {
        Map<String, Object> badFilter = flow("bad-filter", "x", "event.data.metrics.t >", Map.of("metric", "t"));
        given().contentType(ContentType.JSON)
                .body(Json.write(badFilter))
                .post("/flows")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("triggers[0].filter")))
                .body("errors[0].message", containsString("line 1, column 23"));

        Map<String, Object> notBoolean = flow("not-boolean", "x", "size(event.subject)", Map.of("metric", "t"));
        given().contentType(ContentType.JSON)
                .body(Json.write(notBoolean))
                .post("/flows")
                .then()
                .statusCode(400)
                .body("errors[0].message", containsString("bool"));

        Map<String, Object> badParameter = flow("bad-parameter", "x", null, Map.of("windowSeconds", "{{ params. }}"));
        given().contentType(ContentType.JSON)
                .body(Json.write(badParameter))
                .post("/flows")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("tasks[0].parameters.windowSeconds"));

        given().contentType(ContentType.JSON)
                .body(Json.write(Map.of(
                        "name",
                        "dashed-parameter",
                        "parameters",
                        Map.of("max-rows", Map.of("type", "integer", "default", 10)),
                        "tasks",
                        List.of(Map.of("name", "stats", "type", "window-stats")))))
                .post("/flows")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem(containsString("max-rows")));

        Map<String, Object> unknownVariable = flow("unknown-var", "x", "evnt.subject == 'a'", Map.of("metric", "t"));
        given().contentType(ContentType.JSON)
                .body(Json.write(unknownVariable))
                .post("/flows")
                .then()
                .statusCode(400)
                .body("errors[0].message", containsString("evnt"));
    }

    @Test
    void aTaskTypeNoExecutorRunsOrParametersItRejectsAreRefused() {
        given().contentType(ContentType.JSON)
                .body(Json.write(Map.of("name", "unknown-type", "tasks", List.of(Map.of("name", "a", "type", "nope")))))
                .post("/flows")
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("tasks[0].type")))
                .body("errors[0].message", containsString("window-stats"));
        given().contentType(ContentType.JSON)
                .body(Json.write(Map.of(
                        "name",
                        "bad-parameter-value",
                        "tasks",
                        List.of(Map.of("name", "a", "type", TaskTypesFixture.TYPED, "parameters", Map.of("n", 0))))))
                .post("/flows")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("tasks[0].parameters.n"));
        given().contentType(ContentType.JSON)
                .body(Json.write(Map.of(
                        "name",
                        "missing-parameter",
                        "tasks",
                        List.of(Map.of("name", "a", "type", TaskTypesFixture.TYPED)))))
                .post("/flows")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("tasks[0].parameters"));
        // An expression's value is known only when the task runs: it is not held against the schema.
        given().contentType(ContentType.JSON)
                .body(Json.write(Map.of(
                        "name",
                        "computed-" + UUID.randomUUID(),
                        "parameters",
                        Map.of("n", Map.of("type", "integer", "default", 2)),
                        "tasks",
                        List.of(Map.of(
                                "name",
                                "a",
                                "type",
                                TaskTypesFixture.TYPED,
                                "parameters",
                                Map.of("n", "{{ params.n }}"))))))
                .post("/flows")
                .then()
                .statusCode(201);
    }

    @Test
    void aMisspeltFieldIsRefusedNotIgnored() {
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"misspelt\",\"trigger\":{\"kind\":\"event\"},\"tasks\":[{\"name\":\"a\","
                        + "\"type\":\"window-stats\"}]}")
                .post("/flows")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("trigger"));
    }

    @Test
    void aFilterStartsRunsOnlyForTheEventsItAccepts() {
        String name = "filtered-" + UUID.randomUUID();
        String device = name + "-dev";
        given().contentType(ContentType.JSON)
                .body(Json.write(flow(
                        name,
                        device,
                        "event.data.metrics.temperature > 80 && event.subject.endsWith('-dev')",
                        Map.of("metric", "temperature"))))
                .post("/flows")
                .then()
                .statusCode(201);
        ConsumerTask<String, String> tasks = kafka.consumeStrings().fromTopics(Topics.TASKS);
        send(device, 70.0);
        send(device, 90.0);
        TaskMessage hot = awaitTask(tasks, device, 1);
        assertEquals(90.0, hot.input().events().get(0).data().metrics().get("temperature"));
        String flowId = given().get("/flows/{name}", name).then().extract().path("id");
        // Both events were consumed in order: once the second started its run, the first had been judged.
        given().queryParam("flow", flowId).get("/runs").then().body("items.size()", equalTo(1));
    }

    @Test
    void aRunStartedByHandTakesItsParametersAndAnIdempotencyKeyGivesTheSameRun() {
        String name = "manual-" + UUID.randomUUID();
        Map<String, Object> spec = Map.of(
                "name", name,
                "parameters",
                        Map.of("window", Map.of("type", "integer", "default", 60), "metric", Map.of("type", "string")),
                "tasks",
                        List.of(Map.of(
                                "name", "stats",
                                "type", "window-stats",
                                "parameters",
                                        Map.of(
                                                "metric",
                                                "{{ params.metric }}",
                                                "windowSeconds",
                                                "{{ params.window }}"))));
        given().contentType(ContentType.JSON)
                .body(Json.write(spec))
                .post("/flows")
                .then()
                .statusCode(201);
        ConsumerTask<String, String> tasks = kafka.consumeStrings().fromTopics(Topics.TASKS);

        String key = UUID.randomUUID().toString();
        String body = "{\"parameters\":{\"metric\":\"humidity\"}}";
        String runId = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/flows/{name}/runs", name)
                .then()
                .statusCode(201)
                .header("Location", containsString("/runs/"))
                .body("triggerKind", equalTo("manual"))
                .body("parameters.window", equalTo(60))
                .extract()
                .path("id");
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/flows/{name}/runs", name)
                .then()
                .statusCode(200)
                .body("id", equalTo(runId));
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body("{\"parameters\":{\"metric\":\"wind\"}}")
                .post("/flows/{name}/runs", name)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        // The same request after the flow's default changed is still the same request: its run, not a conflict.
        Map<String, Object> changed = new java.util.HashMap<>(spec);
        changed.put(
                "parameters",
                Map.of("window", Map.of("type", "integer", "default", 90), "metric", Map.of("type", "string")));
        given().contentType(ContentType.JSON)
                .body(Json.write(changed))
                .put("/flows/{name}", name)
                .then()
                .statusCode(200)
                .body("version", equalTo(2));
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/flows/{name}/runs", name)
                .then()
                .statusCode(200)
                .body("id", equalTo(runId))
                .body("parameters.window", equalTo(60));
        String other = given().contentType(ContentType.JSON)
                .body(body)
                .post("/flows/{name}/runs", name)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertNotEquals(runId, other);

        TaskMessage task = Awaitility.await()
                .atMost(WAIT)
                .until(
                        () -> tasks.getRecords().stream()
                                .map(r -> Json.read(r.value(), TaskMessage.class))
                                .filter(t -> t.flowRunId().toString().equals(runId))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        assertEquals(Map.of("metric", "humidity", "windowSeconds", 60), task.parameters());

        given().contentType(ContentType.JSON)
                .body("{\"parameters\":{\"window\":\"long\",\"nope\":1}}")
                .post("/flows/{name}/runs", name)
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("parameters.metric", "parameters.nope", "parameters.window")));
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/flows/{name}/runs", "no-such-flow")
                .then()
                .statusCode(404);
    }

    @Test
    void aTaskReadsTheRunsParametersTheEventAndItsUpstreamResults() {
        String name = "dag-" + UUID.randomUUID();
        String device = name + "-dev";
        Map<String, Object> spec = Map.of(
                "name", name,
                "parameters", Map.of("factor", Map.of("type", "number", "default", 2)),
                "triggers", List.of(Map.of("kind", "event", "subject", device)),
                "tasks",
                        List.of(
                                Map.of("name", "stats", "type", "window-stats", "parameters", Map.of("metric", "t")),
                                Map.of(
                                        "name",
                                        "alarm",
                                        "type",
                                        "threshold",
                                        "dependsOn",
                                        List.of("stats"),
                                        "parameters",
                                        Map.of(
                                                "above", "{{ tasks.stats.mean * params.factor }}",
                                                "device", "{{ event.subject }}",
                                                "note", "literal"))));
        given().contentType(ContentType.JSON)
                .body(Json.write(spec))
                .post("/flows")
                .then()
                .statusCode(201);
        ConsumerTask<String, String> tasks = kafka.consumeStrings().fromTopics(Topics.TASKS);
        send(device, 20.0);
        TaskMessage stats = awaitTask(tasks, device, 1);
        complete(stats);
        TaskMessage alarm = Awaitility.await()
                .atMost(WAIT)
                .until(
                        () -> tasksOf(tasks, device).stream()
                                .filter(t -> t.taskName().equals("alarm"))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        assertEquals(Map.of("above", 41, "device", device, "note", "literal"), alarm.parameters());
        given().get("/runs/{id}", alarm.flowRunId())
                .then()
                .body("taskRuns.find { it.name == 'alarm' }.parameters.above", equalTo(41));
    }

    @Test
    void aParameterThatCannotBeComputedFailsItsTaskWithTheReason() {
        String name = "broken-" + UUID.randomUUID();
        String device = name + "-dev";
        given().contentType(ContentType.JSON)
                .body(Json.write(flow(name, device, null, Map.of("metric", "{{ event.data.attributes.missing }}"))))
                .post("/flows")
                .then()
                .statusCode(201);
        send(device, 1.0);
        String flowId = given().get("/flows/{name}", name).then().extract().path("id");
        Awaitility.await()
                .atMost(WAIT)
                .untilAsserted(() -> given().queryParam("flow", flowId)
                        .get("/runs")
                        .then()
                        .body("items.state.name", equalTo(List.of("Failed")))
                        .body("items[0].state.message", containsString("its parameters could not be computed")));
    }

    /** Completes the task with {@code "mean": 20.5} as its result. */
    private void complete(TaskMessage task) {
        TaskUpdate update = TaskUpdate.completed(task, Json.MAPPER.valueToTree(Map.of("mean", 20.5)), Instant.now());
        kafka.produceStrings()
                .fromRecords(new ProducerRecord<>(
                        Topics.TASK_UPDATES, task.flowRunId().toString(), Json.write(update)))
                .awaitCompletion();
    }

    private static Map<String, Object> flow(String name, String device, String filter, Map<String, Object> parameters) {
        Map<String, Object> trigger = new java.util.HashMap<>(Map.of("kind", "event", "subject", device));
        if (filter != null) {
            trigger.put("filter", filter);
        }
        return Map.of(
                "name", name,
                "triggers", List.of(trigger),
                "tasks", List.of(Map.of("name", "stats", "type", "window-stats", "parameters", parameters)));
    }

    private void send(String device, double temperature) {
        NormalizedEvent event = new NormalizedEvent(
                UUID.randomUUID().toString(),
                URI.create("/iot/flows"),
                EventTypes.MEASUREMENT,
                device,
                OffsetDateTime.now(ZoneOffset.UTC),
                new EventData(Map.of("temperature", temperature), Map.of(), null));
        kafka.produceStrings().fromRecords(CloudEventRecords.of(event)).awaitCompletion();
    }

    /** The n-th task message of the device's runs. */
    private static TaskMessage awaitTask(ConsumerTask<String, String> tasks, String device, int count) {
        return Awaitility.await()
                .atMost(WAIT)
                .until(() -> tasksOf(tasks, device), list -> list.size() >= count)
                .get(count - 1);
    }

    private static List<TaskMessage> tasksOf(ConsumerTask<String, String> tasks, String device) {
        String key = "/iot/flows|" + device;
        return tasks.getRecords().stream()
                .filter(r -> key.equals(r.key()))
                .map(ConsumerRecord::value)
                .map(v -> Json.read(v, TaskMessage.class))
                .toList();
    }
}
