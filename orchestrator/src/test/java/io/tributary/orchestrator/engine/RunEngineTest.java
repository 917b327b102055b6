package io.tributary.orchestrator.engine;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.tributary.contract.Topics;
import io.tributary.contract.event.EventData;
import io.tributary.contract.event.EventTypes;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.json.Json;
import io.tributary.contract.task.TaskControl;
import io.tributary.contract.task.TaskMessage;
import io.tributary.contract.task.TaskStatus;
import io.tributary.contract.task.TaskUpdate;
import io.tributary.devstack.testing.CloudEventRecords;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.PostgresTestResource;
import io.tributary.devstack.testing.Records;
import io.tributary.devstack.testing.SharedInfrastructure;
import io.tributary.orchestrator.retention.RetentionSweeper;
import io.tributary.orchestrator.tasktype.TaskTypesFixture;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The run lifecycle against the real Kafka and PostgreSQL: this test plays the executor, reading tributary.tasks
 * and tributary.task-control and reporting on tributary.task-updates, with the test profile's short clocks
 * (heartbeat timeout and cancel grace 3 s).
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class RunEngineTest {
    @BeforeEach
    void taskTypesArePublished() {
        TaskTypesFixture.ensurePublished();
    }

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final KafkaCompanion kafka = SharedInfrastructure.companion();

    @Inject
    RunEngine engine;

    @Inject
    RetentionSweeper retention;

    @Test
    void aTaskErrorRetriesAndTheRetryCompletes() {
        Flow flow = register(Map.of("maxRetries", 2, "delaySeconds", 0.2, "jitterFactor", 0.5), null);
        TaskMessage first = flow.trigger();
        report(first, TaskStatus.RUNNING);
        report(first, TaskStatus.FAILED);
        TaskMessage second = flow.awaitTask(2);
        assertEquals(first.taskRunId(), second.taskRunId());
        assertEquals(2, second.attempt());
        report(second, TaskStatus.RUNNING);
        report(second, TaskStatus.COMPLETED);

        JsonPath run = awaitRunState(first.flowRunId(), "Completed");
        List<String> names = run.getList("history.state.name");
        assertEquals(
                List.of(
                        "Scheduled",
                        "Pending",
                        "Pending",
                        "Running",
                        "Running",
                        "AwaitingRetry",
                        "Pending",
                        "Retrying",
                        "Completed",
                        "Completed"),
                names);
        assertEquals(2, run.getInt("taskRuns[0].attempt"));
    }

    @Test
    void whenRetriesAreExhaustedTheRunFailsWithTheTaskError() {
        Flow flow = register(Map.of("maxRetries", 1, "delaySeconds", 0.1), null);
        TaskMessage first = flow.trigger();
        report(first, TaskStatus.FAILED);
        TaskMessage second = flow.awaitTask(2);
        report(second, TaskStatus.RUNNING);
        report(second, TaskStatus.FAILED);
        JsonPath run = awaitRunState(first.flowRunId(), "Failed");
        assertTrue(run.getString("state.message").contains("task 'stats' ended Failed: FAILED"));
    }

    @Test
    void aWorkerThatStopsHeartbeatingCrashesTheAttemptWhichIsRetried() {
        Flow flow = register(Map.of("maxRetries", 1, "delaySeconds", 0, "retryOn", List.of("CRASH")), null);
        TaskMessage first = flow.trigger();
        report(first, TaskStatus.RUNNING); // and then silence: the worker died
        TaskMessage second = flow.awaitTask(2);
        report(second, TaskStatus.RUNNING);
        report(second, TaskStatus.COMPLETED);
        JsonPath run = awaitRunState(first.flowRunId(), "Completed");
        assertTrue(run.getList("history.state.message", String.class).stream()
                .anyMatch(m -> m != null && m.contains("no heartbeat from the executor")));
    }

    @Test
    void aFlowRunPastItsTimeoutTimesOut() {
        Flow flow = register(null, 1);
        TaskMessage task = flow.trigger();
        report(task, TaskStatus.RUNNING);
        awaitRunState(task.flowRunId(), "TimedOut");
        given().get("/runs/{id}", task.flowRunId()).then().body("taskRuns[0].state.name", equalTo("Cancelled"));
    }

    @Test
    void cancellingAPendingRunTellsTheExecutorsAndEndsCancelledAfterTheGraceEvenWithoutThem() {
        ConsumerTask<String, String> control = kafka.consumeStrings().fromTopics(Topics.TASK_CONTROL);
        Flow flow = register(null, null);
        TaskMessage task = flow.trigger();
        given().post("/runs/{id}/cancel", task.flowRunId())
                .then()
                .statusCode(202)
                .body("state.name", equalTo("Cancelling"));
        TaskControl command = Json.read(
                Records.await(control, task.input().seriesKey(), 1).get(0).value(), TaskControl.class);
        assertEquals(task.taskRunId(), command.taskRunId());
        assertEquals(TaskControl.Command.CANCEL, command.command());
        awaitRunState(task.flowRunId(), "Cancelled");

        report(task, TaskStatus.COMPLETED); // too late: ignored
        given().post("/runs/{id}/cancel", task.flowRunId()).then().statusCode(409);
        given().get("/runs/{id}", task.flowRunId()).then().body("state.name", equalTo("Cancelled"));
    }

    @Test
    void cancellingARunningRunEndsWhenTheExecutorConfirmsAndARerunCompletesIt() {
        Flow flow = register(null, null);
        TaskMessage task = flow.trigger();
        report(task, TaskStatus.RUNNING);
        given().post("/runs/{id}/cancel", task.flowRunId()).then().statusCode(202);
        report(task, TaskStatus.CANCELLED);
        awaitRunState(task.flowRunId(), "Cancelled");

        given().post("/runs/{id}/retry", task.flowRunId()).then().statusCode(202);
        TaskMessage again = flow.awaitTask(2);
        report(again, TaskStatus.RUNNING);
        report(again, TaskStatus.COMPLETED);
        awaitRunState(task.flowRunId(), "Completed");
        given().post("/runs/{id}/retry", task.flowRunId()).then().statusCode(409);
    }

    @Test
    void aBatchOfMixedReportsIsStoredInOneGoWithEveryRunAsItsReportsSay() {
        Flow flow = register(Map.of("maxRetries", 1, "delaySeconds", 0.1), null);
        for (int i = 0; i < 30; i++) {
            flow.send();
        }
        Awaitility.await().atMost(WAIT).until(() -> flow.tasksSoFar().size() == 30);
        List<TaskMessage> tasks = flow.tasksSoFar();
        List<ProducerRecord<String, String>> reports = new java.util.ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            TaskMessage task = tasks.get(i);
            // Different columns change per run (started, heartbeat, result, error, retry): one batch of statements.
            reports.add(record(TaskUpdate.running(task, Instant.now())));
            if (i % 3 == 0) {
                reports.add(record(TaskUpdate.of(task, TaskStatus.HEARTBEAT, Instant.now())));
            } else if (i % 3 == 1) {
                reports.add(record(TaskUpdate.completed(task, Json.MAPPER.valueToTree(Map.of("i", i)), Instant.now())));
            } else {
                reports.add(record(TaskUpdate.failed(task, "boom", Instant.now())));
            }
        }
        kafka.produceStrings().fromRecords(reports).awaitCompletion();
        Awaitility.await()
                .atMost(WAIT)
                .untilAsserted(() -> assertEquals(
                        Map.of("Running", 20L, "Completed", 10L),
                        runsOf(flow.id).getList("state.name", String.class).stream()
                                .collect(java.util.stream.Collectors.groupingBy(
                                        n -> n, java.util.stream.Collectors.counting()))));
        Awaitility.await().atMost(WAIT).until(() -> flow.tasksSoFar().size() == 40); // the 10 failed ones retry
    }

    private static ProducerRecord<String, String> record(TaskUpdate update) {
        return new ProducerRecord<>(Topics.TASK_UPDATES, update.flowRunId().toString(), Json.write(update));
    }

    @Test
    void aDueTimerFiresOnceWhileSeveralSweepersRace() throws Exception {
        Flow flow = register(Map.of("maxRetries", 1, "delaySeconds", 1, "jitterFactor", 0), null);
        TaskMessage first = flow.trigger();
        report(first, TaskStatus.FAILED);
        // Besides the service's own sweeper, two more race for the same due run, as other replicas would.
        CompletableFuture<?>[] sweepers = new CompletableFuture<?>[2];
        Instant until = Instant.now().plusSeconds(3);
        for (int i = 0; i < sweepers.length; i++) {
            sweepers[i] = CompletableFuture.runAsync(() -> {
                while (Instant.now().isBefore(until)) {
                    try {
                        VertxContextSupport.subscribeAndAwait(() -> engine.wake(50));
                    } catch (Throwable e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
        }
        CompletableFuture.allOf(sweepers).get();
        flow.awaitTask(2);
        List<TaskMessage> dispatched = flow.tasksSoFar();
        assertEquals(
                List.of(1, 2), dispatched.stream().map(TaskMessage::attempt).toList());
        JsonPath run =
                given().get("/runs/{id}", first.flowRunId()).then().extract().jsonPath();
        assertEquals(
                1,
                run.getList("history.state.name").stream()
                        .filter("AwaitingRetry"::equals)
                        .count());
    }

    @Test
    void withEnqueueRunsBeyondTheLimitWaitAndStartInArrivalOrderAsSlotsFree() {
        Flow flow = register(null, null, Map.of("concurrency", Map.of("limit", 1)));
        flow.send();
        flow.send();
        flow.send();
        TaskMessage first = flow.awaitTask(1);
        Awaitility.await()
                .atMost(WAIT)
                .untilAsserted(() -> assertEquals(
                        List.of("AwaitingConcurrencySlot", "AwaitingConcurrencySlot", "Pending"),
                        runsOf(flow.id).getList("state.name", String.class).stream()
                                .sorted()
                                .toList()));
        assertEquals(1, flow.tasksSoFar().size());
        List<String> waitingInArrivalOrder =
                runsOf(flow.id).getList("findAll { it.state.name == 'AwaitingConcurrencySlot' }.id");

        report(first, TaskStatus.RUNNING);
        report(first, TaskStatus.COMPLETED);
        Awaitility.await().atMost(WAIT).until(() -> flow.tasksSoFar().size() == 2);
        TaskMessage second = flow.tasksSoFar().get(1);
        // GET /runs is newest first: the last of the waiting list arrived first.
        assertEquals(waitingInArrivalOrder.get(1), second.flowRunId().toString());
        report(second, TaskStatus.COMPLETED);
        Awaitility.await().atMost(WAIT).until(() -> flow.tasksSoFar().size() == 3);
        assertEquals(
                waitingInArrivalOrder.get(0),
                flow.tasksSoFar().get(2).flowRunId().toString());
    }

    @Test
    void aHolderThatTimesOutFreesItsSlotForTheWaiter() {
        Flow flow = register(null, null, Map.of("concurrency", Map.of("limit", 1)), Map.of("timeoutSeconds", 1));
        TaskMessage holder = flow.trigger();
        report(holder, TaskStatus.RUNNING);
        flow.send();
        // The holder's 1 s attempt timeout ends it through the wake sweep, the same sweep that admits waiters.
        TaskMessage waiter = Awaitility.await()
                .atMost(WAIT)
                .until(
                        () -> flow.tasksSoFar().stream()
                                .filter(t -> !t.flowRunId().equals(holder.flowRunId()))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertEquals(
                "TimedOut",
                given().get("/runs/{id}", holder.flowRunId()).then().extract().path("taskRuns[0].state.name"));
        report(waiter, TaskStatus.COMPLETED);
        awaitRunState(waiter.flowRunId(), "Completed");
    }

    @Test
    void aBatchThatFailsIsRetriedOnItsVertxContextWhereTheSessionWorks() throws Throwable {
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        long flows = VertxContextSupport.subscribeAndAwait(() ->
                io.tributary.contract.messaging.Acknowledgement.retryTransient(OnContext.pinned(Uni.createFrom()
                        .deferred(() -> attempts.incrementAndGet() == 1
                                ? Uni.createFrom().<Long>failure(new IllegalStateException("transient"))
                                : Panache.withTransaction(() -> io.tributary.orchestrator.flow.Flow.count())))));
        assertEquals(2, attempts.get());
        assertTrue(flows >= 0);
    }

    @Test
    void aTagLimitWithCancelNewCancelsTheRunThatFindsNoSlot() {
        String tag = "tag-" + UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body("{\"limit\":1,\"collision\":\"CANCEL_NEW\"}")
                .put("/concurrency-limits/{tag}", tag)
                .then()
                .statusCode(200);
        Flow flow = register(null, null, Map.of("tags", List.of(tag)));
        TaskMessage first = flow.trigger();
        flow.send();
        Awaitility.await()
                .atMost(WAIT)
                .untilAsserted(() -> assertEquals(
                        List.of("Cancelled", "Pending"),
                        runsOf(flow.id).getList("state.name", String.class).stream()
                                .sorted()
                                .toList()));
        assertTrue(runsOf(flow.id)
                .getString("find { it.state.name == 'Cancelled' }.state.message")
                .contains("concurrency limit reached"));
        assertEquals(1, flow.tasksSoFar().size());
        given().delete("/concurrency-limits/{tag}", tag).then().statusCode(204);
    }

    @Test
    void finishedRunsPastTheRetentionAreRemovedWithTheirHistory() throws Throwable {
        Flow flow = register(null, null);
        TaskMessage task = flow.trigger();
        report(task, TaskStatus.COMPLETED);
        awaitRunState(task.flowRunId(), "Completed");
        int removed = VertxContextSupport.subscribeAndAwait(
                () -> retention.purge(Instant.now().plusSeconds(1), 2, 1000));
        assertTrue(removed >= 1);
        given().get("/runs/{id}", task.flowRunId()).then().statusCode(404);
    }

    private static JsonPath runsOf(UUID flowId) {
        return given().queryParam("flow", flowId)
                .get("/runs")
                .then()
                .extract()
                .jsonPath()
                .setRootPath("items");
    }

    /** A registered one-task flow whose trigger matches only this test's device. */
    private final class Flow {
        final String device = "engine-" + UUID.randomUUID();
        UUID id;
        final ConsumerTask<String, String> tasks = kafka.consumeStrings().fromTopics(Topics.TASKS);

        TaskMessage trigger() {
            send();
            return awaitTask(1);
        }

        void send() {
            NormalizedEvent event = new NormalizedEvent(
                    UUID.randomUUID().toString(),
                    URI.create("/iot/engine"),
                    EventTypes.MEASUREMENT,
                    device,
                    OffsetDateTime.now(ZoneOffset.UTC),
                    new EventData(Map.of("temperature", 20.0), Map.of(), null));
            kafka.produceStrings().fromRecords(CloudEventRecords.of(event)).awaitCompletion();
        }

        TaskMessage awaitTask(int attempt) {
            return Awaitility.await()
                    .atMost(WAIT)
                    .until(
                            () -> tasksSoFar().stream()
                                    .filter(t -> t.attempt() == attempt)
                                    .findFirst(),
                            java.util.Optional::isPresent)
                    .orElseThrow();
        }

        List<TaskMessage> tasksSoFar() {
            String key = "/iot/engine|" + device;
            return tasks.getRecords().stream()
                    .filter(r -> key.equals(r.key()))
                    .map(ConsumerRecord::value)
                    .map(v -> Json.read(v, TaskMessage.class))
                    .toList();
        }
    }

    private Flow register(Map<String, Object> retries, Integer flowTimeoutSeconds) {
        return register(retries, flowTimeoutSeconds, Map.of());
    }

    private Flow register(Map<String, Object> retries, Integer flowTimeoutSeconds, Map<String, Object> extra) {
        return register(retries, flowTimeoutSeconds, extra, Map.of());
    }

    private Flow register(
            Map<String, Object> retries,
            Integer flowTimeoutSeconds,
            Map<String, Object> extra,
            Map<String, Object> taskExtra) {
        Flow flow = new Flow();
        Map<String, Object> task = new java.util.HashMap<>(
                Map.of("name", "stats", "type", "window-stats", "parameters", Map.of("metric", "temperature")));
        if (retries != null) {
            task.put("retries", retries);
        }
        task.putAll(taskExtra);
        Map<String, Object> spec = new java.util.HashMap<>(Map.of(
                "name", flow.device,
                "triggers", List.of(Map.of("kind", "event", "subject", flow.device)),
                "tasks", List.of(task)));
        if (flowTimeoutSeconds != null) {
            spec.put("timeoutSeconds", flowTimeoutSeconds);
        }
        spec.putAll(extra);
        flow.id = UUID.fromString(given().contentType(ContentType.JSON)
                .body(Json.write(spec))
                .post("/flows")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        return flow;
    }

    private void report(TaskMessage task, TaskStatus status) {
        TaskUpdate update = status == TaskStatus.COMPLETED
                ? TaskUpdate.completed(task, Json.MAPPER.valueToTree(Map.of("mean", 20.0)), Instant.now())
                : TaskUpdate.ended(task, status, status.name(), Instant.now());
        kafka.produceStrings()
                .fromRecords(new ProducerRecord<>(
                        Topics.TASK_UPDATES, task.flowRunId().toString(), Json.write(update)))
                .awaitCompletion();
    }

    private static JsonPath awaitRunState(UUID runId, String name) {
        Awaitility.await()
                .atMost(WAIT)
                .untilAsserted(() -> given().get("/runs/{id}", runId).then().body("state.name", equalTo(name)));
        return given().get("/runs/{id}", runId).then().extract().jsonPath();
    }
}
