package io.tributary.orchestrator.trigger.pattern;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.type.TypeReference;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tributary.contract.event.EventData;
import io.tributary.contract.event.EventTypes;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.json.Json;
import io.tributary.devstack.testing.CloudEventRecords;
import io.tributary.devstack.testing.SharedInfrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;

/** Flows with a compound or sequence trigger, their events on the real Kafka, their runs and their state. */
public final class PatternFlows {
    public static final Duration WAIT = Duration.ofSeconds(30);
    public static final URI SOURCE = URI.create("/iot/patterns");

    private PatternFlows() {}

    /** @return the new flow's id */
    public static String create(String name, Map<String, Object> trigger) {
        return given().contentType(ContentType.JSON)
                .body(Json.write(Map.of(
                        "name",
                        name,
                        "triggers",
                        List.of(trigger),
                        "tasks",
                        List.of(Map.of("name", "stats", "type", "window-stats")))))
                .post("/flows")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A reading of one metric, with a new id. */
    public static NormalizedEvent reading(String device, String metric, double value, OffsetDateTime time) {
        return new NormalizedEvent(
                UUID.randomUUID().toString(),
                SOURCE,
                EventTypes.MEASUREMENT,
                device,
                time,
                new EventData(Map.of(metric, value), Map.of(), null));
    }

    public static void send(NormalizedEvent event) {
        SharedInfrastructure.companion()
                .produceStrings()
                .fromRecords(CloudEventRecords.of(event))
                .awaitCompletion();
    }

    public static JsonPath runs(String flowId) {
        return given().queryParam("flow", flowId).get("/runs").then().extract().jsonPath();
    }

    /** Waits until the flow has this many runs; its runs. */
    public static JsonPath awaitRuns(String flowId, int count) {
        return Awaitility.await()
                .atMost(WAIT)
                .until(() -> runs(flowId), runs -> runs.getList("items").size() >= count);
    }

    /** The triggering event of a run, as GET /runs/{id} shows it. */
    public static JsonPath trigger(String runId) {
        return given().get("/runs/{id}", runId).then().extract().jsonPath().setRootPath("trigger");
    }

    /** How many groups of the flow have state. */
    public static long groups(Pool pool, String flowId) {
        return pool.preparedQuery("select count(*) from pattern_state where flow_id = $1")
                .execute(Tuple.of(UUID.fromString(flowId)))
                .await()
                .atMost(WAIT)
                .iterator()
                .next()
                .getLong(0);
    }

    /** The ids of the events a group of the flow keeps, in event-time order; empty for a group never seen. */
    public static List<String> kept(Pool pool, String flowId, String group) {
        List<String> events = List.of();
        for (Row row : pool.preparedQuery("select events from pattern_state where flow_id = $1 and group_value = $2")
                .execute(Tuple.of(UUID.fromString(flowId), group))
                .await()
                .atMost(WAIT)) {
            events = Json.read(row.getString(0), new TypeReference<List<Seen>>() {}).stream()
                    .map(seen -> seen.event().id())
                    .toList();
        }
        return events;
    }
}
