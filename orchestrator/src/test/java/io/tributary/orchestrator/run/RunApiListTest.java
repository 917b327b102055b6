package io.tributary.orchestrator.run;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.tributary.contract.json.Json;
import io.tributary.contract.task.TaskMessage;
import io.tributary.contract.task.TaskUpdate;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.PostgresTestResource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** GET /runs against the real Kafka and PostgreSQL: cursor pages that hold still while runs arrive, and each filter. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class RunApiListTest {

    @Test
    void aWalkThroughThePagesWhileRunsArriveSeesEveryEarlierRunOnceInOrder() {
        TestFlow flow = TestFlow.register();
        Set<String> existing = new HashSet<>();
        IntStream.range(0, 11).forEach(i -> existing.add(flow.startRun("-" + i)));

        List<JsonPath> walked = new ArrayList<>();
        Set<String> createdWhilePaging = new HashSet<>();
        String next = null;
        do {
            Map<String, Object> query = new HashMap<>(Map.of("flow", flow.id, "limit", 4));
            if (next != null) {
                query.put("cursor", next);
            }
            Response page = given().queryParams(query).get("/runs");
            page.then().statusCode(200);
            JsonPath body = page.jsonPath();
            walked.add(body);
            next = body.getString("next");
            if (next != null) {
                // The Link header carries the same cursor, with the request's filters.
                String link = page.header("Link");
                assertTrue(link.startsWith("<") && link.endsWith(">; rel=\"next\""), link);
                assertTrue(link.contains("cursor=" + next) && link.contains("flow=" + flow.id), link);
            } else {
                assertNull(page.header("Link"));
            }
            // Newer runs land on top of the list, above every cursor: they must not shift the pages below.
            createdWhilePaging.add(flow.startRun("-new-" + walked.size()));
        } while (next != null);

        List<String> ids = new ArrayList<>();
        List<String> created = new ArrayList<>();
        walked.forEach(page -> {
            ids.addAll(page.getList("items.id"));
            created.addAll(page.getList("items.createdAt"));
        });
        assertEquals(existing.size(), new HashSet<>(ids).size(), "no run twice: " + ids);
        assertEquals(existing, new HashSet<>(ids), "every run that existed when the walk began, and only those");
        assertEquals(4, walked.get(0).getList("items").size());
        assertEquals(3, walked.size());
        for (int i = 1; i < created.size(); i++) {
            assertTrue(
                    Instant.parse(created.get(i)).compareTo(Instant.parse(created.get(i - 1))) <= 0,
                    "newest first: " + created);
        }
        // The runs created meanwhile head a walk that starts now.
        List<String> firstPage = given().queryParam("flow", flow.id)
                .queryParam("limit", createdWhilePaging.size())
                .get("/runs")
                .jsonPath()
                .getList("items.id");
        assertEquals(createdWhilePaging, new HashSet<>(firstPage));
    }

    @Test
    void eachFilterNarrowsTheList() {
        TestFlow flow = TestFlow.register();
        String first = flow.startRun("-a");
        String second = flow.startRun("-b");
        String third = flow.startRun("-a");
        TaskMessage task = flow.awaitTask(first, "stats", 1);
        TestFlow.report(TaskUpdate.running(task, Instant.now()));
        TestFlow.report(TaskUpdate.completed(task, Json.MAPPER.valueToTree(Map.of("mean", 20.0)), Instant.now()));
        TestFlow.awaitRunState(first, "Completed");

        assertEquals(List.of(third, second, first), ids(Map.of("flow", flow.id)));
        assertEquals(List.of(first), ids(Map.of("flow", flow.id, "state", "COMPLETED")));
        assertEquals(List.of(third, second), ids(Map.of("flow", flow.id, "state", "PENDING")));
        assertEquals(List.of(first), ids(Map.of("flow", flow.id, "stateName", "Completed")));
        assertEquals(List.of(third, second), ids(Map.of("flow", flow.id, "stateName", "Pending")));
        assertEquals(List.of(), ids(Map.of("flow", flow.id, "stateName", "Late")));
        // The subject alone finds the runs, whatever their flow.
        assertEquals(List.of(third, first), ids(Map.of("subject", flow.prefix + "-a")));
        assertEquals(List.of(second), ids(Map.of("subject", flow.prefix + "-b")));

        String secondCreated = given().get("/runs/{id}", second).jsonPath().getString("createdAt");
        assertEquals(List.of(third, second), ids(Map.of("flow", flow.id, "createdAfter", secondCreated)));
        assertEquals(List.of(first), ids(Map.of("flow", flow.id, "createdBefore", secondCreated)));
        assertEquals(
                List.of(second),
                ids(Map.of(
                        "flow",
                        flow.id,
                        "createdAfter",
                        secondCreated,
                        "createdBefore",
                        given().get("/runs/{id}", third).jsonPath().getString("createdAt"))));

        given().queryParams(Map.of("flow", flow.id, "limit", 1))
                .get("/runs")
                .then()
                .body("items.id", contains(third))
                .body("next", notNullValue());
        given().queryParams(Map.of("flow", flow.id, "state", "FAILED"))
                .get("/runs")
                .then()
                .body("items", empty())
                .body("next", nullValue());
        given().queryParams(Map.of("flow", flow.id))
                .get("/runs")
                .then()
                .body("items", hasSize(3))
                .body("items[0].taskRuns", nullValue());

        // A run has its flow's tags; the flow's name is its only tag here.
        assertEquals(List.of(third, second, first), ids(Map.of("tag", flow.prefix)));
        assertEquals(List.of(), ids(Map.of("tag", flow.prefix + "-other")));
        assertEquals(List.of(third, second, first), ids(Map.of("tag", flow.prefix, "triggerKind", "event")));
        String manual = given().contentType(ContentType.JSON)
                .body("{}")
                .post("/flows/{name}/runs", flow.prefix)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertEquals(List.of(manual), ids(Map.of("tag", flow.prefix, "triggerKind", "manual")));
        assertEquals(List.of(), ids(Map.of("tag", flow.prefix, "triggerKind", "schedule")));
    }

    private static List<String> ids(Map<String, ?> query) {
        return given().queryParams(query)
                .get("/runs")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id");
    }
}
