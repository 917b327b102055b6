package io.tributary.orchestrator.run;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
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
import io.tributary.devstack.testing.Records;
import io.tributary.devstack.testing.SharedInfrastructure;
import io.tributary.orchestrator.tasktype.TaskTypesFixture;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;

/**
 * A flow registered over HTTP whose trigger matches only subjects under its own prefix (tests share the broker and
 * the database), the events that start its runs, and the executor's side: its tasks and reports.
 */
public final class TestFlow {
    static final String SOURCE = "/iot/devices";
    private static final KafkaCompanion KAFKA = SharedInfrastructure.companion();

    public final String id;
    public final String prefix;
    private final ConsumerTask<String, String> tasks;

    private TestFlow(String id, String prefix, ConsumerTask<String, String> tasks) {
        this.id = id;
        this.prefix = prefix;
        this.tasks = tasks;
    }

    /** A flow of one task, {@code stats}. */
    public static TestFlow register() {
        return register(List.of(task("stats", Map.of("metric", "temperature"))));
    }

    static TestFlow register(List<Map<String, Object>> taskSpecs) {
        TaskTypesFixture.ensurePublished();
        String prefix = "dev-" + UUID.randomUUID();
        ConsumerTask<String, String> tasks = KAFKA.consumeStrings().fromTopics(Topics.TASKS);
        String id = given().contentType(ContentType.JSON)
                .body(Json.write(Map.of(
                        "name",
                        prefix,
                        "tags",
                        List.of(prefix),
                        "triggers",
                        List.of(Map.of("kind", "event", "type", EventTypes.MEASUREMENT, "subject", prefix + "*")),
                        "tasks",
                        taskSpecs)))
                .post("/flows")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return new TestFlow(id, prefix, tasks);
    }

    static Map<String, Object> task(String name, Map<String, Object> parameters, String... dependsOn) {
        return Map.of("name", name, "type", "window-stats", "parameters", parameters, "dependsOn", List.of(dependsOn));
    }

    /** Sends a reading of the subject {@code prefix + suffix} and returns the id of the run it started. */
    public String startRun(String suffix) {
        NormalizedEvent event = event(prefix + suffix, 20.0);
        send(event);
        return awaitRunOf(event.id());
    }

    String awaitRunOf(String eventId) {
        return Awaitility.await()
                .atMost(Records.WAIT)
                .until(
                        () -> given().queryParam("flow", id)
                                .queryParam("limit", 500)
                                .get("/runs")
                                .then()
                                .extract()
                                .jsonPath()
                                .getString("items.find { it.eventId == '" + eventId + "' }.id"),
                        runId -> runId != null);
    }

    /** The executor's view: the attempt of the run's task that the orchestrator dispatched. */
    public TaskMessage awaitTask(String runId, String taskName, int attempt) {
        return Awaitility.await()
                .atMost(Records.WAIT)
                .until(
                        () -> tasks.getRecords().stream()
                                .map(r -> Json.read(r.value(), TaskMessage.class))
                                .filter(t -> t.flowRunId().toString().equals(runId)
                                        && t.taskName().equals(taskName)
                                        && t.attempt() == attempt)
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    public static NormalizedEvent event(String subject, double temperature) {
        return new NormalizedEvent(
                UUID.randomUUID().toString(),
                URI.create(SOURCE),
                EventTypes.MEASUREMENT,
                subject,
                OffsetDateTime.now(ZoneOffset.UTC),
                new EventData(Map.of("temperature", temperature), Map.of(), null));
    }

    static void send(NormalizedEvent event) {
        KAFKA.produceStrings().fromRecords(CloudEventRecords.of(event)).awaitCompletion();
    }

    /** An executor's report, keyed by flow run id as executors key them. */
    public static void report(TaskUpdate update) {
        KAFKA.produceStrings()
                .fromRecords(new ProducerRecord<>(
                        Topics.TASK_UPDATES, update.flowRunId().toString(), Json.write(update)))
                .awaitCompletion();
    }

    public static JsonPath awaitRunState(String runId, String stateName) {
        Awaitility.await()
                .atMost(Records.WAIT)
                .untilAsserted(() -> given().get("/runs/{id}", runId).then().body("state.name", equalTo(stateName)));
        return given().get("/runs/{id}", runId).then().extract().jsonPath();
    }
}
