package io.tributary.orchestrator.trigger.schedule;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tributary.contract.json.Json;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.PostgresTestResource;
import io.tributary.orchestrator.tasktype.TaskTypesFixture;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Schedules against the real PostgreSQL: fire times start runs, and fire times missed while no orchestrator ran
 * (the timer is moved into the past, as a restart after an outage finds it) follow the catch-up policy.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class ScheduleTriggerTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @BeforeEach
    void taskTypesArePublished() {
        TaskTypesFixture.ensurePublished();
    }

    @Test
    void everyFireTimeStartsOneRunUntilTheFlowIsDeleted() {
        String name = "every-second-" + UUID.randomUUID();
        String flowId = register(name, Map.of("kind", "schedule", "everySeconds", 1));
        Awaitility.await()
                .atMost(WAIT)
                .untilAsserted(() -> given().queryParam("flow", flowId)
                        .get("/runs")
                        .then()
                        .body("items.size()", greaterThanOrEqualTo(2))
                        .body("items.triggerKind", everyItem(equalTo("schedule")))
                        .body("items.eventId", everyItem(startsWith("schedule:"))));
        given().delete("/flows/{name}", name).then().statusCode(204);
        assertEquals(List.of(), timers(flowId));
    }

    @ParameterizedTest
    @CsvSource({"SKIP, 0", "ONCE, 1", "ALL, 3"})
    void fireTimesMissedDuringAnOutageFollowTheCatchUpPolicy(String catchUp, int runs) {
        String name = "hourly-" + catchUp + "-" + UUID.randomUUID();
        String flowId =
                register(name, Map.of("kind", "schedule", "everySeconds", 3600, "catchUp", catchUp, "maxCatchUp", 3));
        // Ten hours missed: the timer as an orchestrator that was down since then finds it.
        Instant dueSince = Instant.ofEpochSecond((Instant.now().getEpochSecond() / 3600 - 10) * 3600);
        pool.preparedQuery("update schedule_timer set next_at = $2 where flow_id = $1")
                .execute(Tuple.of(UUID.fromString(flowId), dueSince.atOffset(ZoneOffset.UTC)))
                .await()
                .atMost(WAIT);
        Awaitility.await().atMost(WAIT).until(() -> timers(flowId).get(0).isAfter(Instant.now()));
        given().queryParam("flow", flowId).get("/runs").then().body("items.size()", equalTo(runs));
    }

    @Test
    void aScheduleThatNeverFiresOrATriggerTwiceIsRefused() {
        Map<String, Object> february30 = Map.of("kind", "schedule", "cron", "0 0 30 2 *");
        given().contentType(ContentType.JSON)
                .body(Json.write(Map.of(
                        "name", "never",
                        "triggers", List.of(february30),
                        "tasks", List.of(Map.of("name", "stats", "type", "window-stats")))))
                .post("/flows")
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("triggers[0].cron")))
                .body("errors[0].message", equalTo("never fires"));
        Map<String, Object> hourly = Map.of("kind", "schedule", "everySeconds", 3600);
        given().contentType(ContentType.JSON)
                .body(Json.write(Map.of(
                        "name", "twice",
                        "triggers", List.of(hourly, hourly),
                        "tasks", List.of(Map.of("name", "stats", "type", "window-stats")))))
                .post("/flows")
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("triggers[1]")));
    }

    private static String register(String name, Map<String, Object> trigger) {
        Map<String, Object> flow = new HashMap<>(Map.of(
                "name", name,
                "triggers", List.of(trigger),
                "tasks", List.of(Map.of("name", "stats", "type", "window-stats"))));
        return given().contentType(ContentType.JSON)
                .body(Json.write(flow))
                .post("/flows")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private List<Instant> timers(String flowId) {
        return pool
                .preparedQuery("select next_at from schedule_timer where flow_id = $1")
                .execute(Tuple.of(UUID.fromString(flowId)))
                .await()
                .atMost(WAIT)
                .stream()
                .map((Row row) -> row.getOffsetDateTime("next_at").toInstant())
                .toList();
    }
}
