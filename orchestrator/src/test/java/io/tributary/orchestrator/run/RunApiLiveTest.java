package io.tributary.orchestrator.run;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tributary.contract.json.Json;
import io.tributary.contract.run.RunChange;
import io.tributary.contract.task.TaskMessage;
import io.tributary.contract.task.TaskUpdate;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.PostgresTestResource;
import io.tributary.devstack.testing.Records;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The live streams against the real Kafka and PostgreSQL, read by a real HTTP client: a run's changes arrive as they
 * happen, and a client that disconnects and comes back with its last event id gets exactly what it missed.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class RunApiLiveTest {
    @TestHTTPResource("/")
    URI base;

    @Test
    void aRunsEventsReplayItsHistoryFollowItLiveAndResumeAfterTheLastIdWithoutGapOrRepeat() {
        TestFlow flow = TestFlow.register();
        String run = flow.startRun("-events");
        TaskMessage task = flow.awaitTask(run, "stats", 1);
        int dispatched = history(run).size();

        List<SseClient.Event> seen = new ArrayList<>();
        try (SseClient first = SseClient.connect(base.resolve("runs/" + run + "/events"), null)) {
            awaitEvents(first::changes, dispatched);
            TestFlow.report(TaskUpdate.running(task, Instant.now()));
            // Live: the task run's and the flow run's Running, as they are committed.
            awaitEvents(first::changes, dispatched + 2);
            seen.addAll(first.changes());
        }
        TestFlow.report(TaskUpdate.completed(task, Json.MAPPER.valueToTree(Map.of("mean", 20.0)), Instant.now()));
        // The whole history, once the completion is committed: read before, it missed the entries the stream sends.
        TestFlow.awaitRunState(run, "Completed");
        List<String> all = history(run);

        try (SseClient second = SseClient.connect(
                base.resolve("runs/" + run + "/events"),
                seen.get(seen.size() - 1).id())) {
            awaitEvents(second::changes, all.size() - seen.size());
            seen.addAll(second.changes());
        }
        assertEquals(all, describe(seen), "each entry once, in order, across the reconnection");
        List<Long> ids = seen.stream().map(e -> Long.parseLong(e.id())).toList();
        assertEquals(ids.stream().sorted().distinct().toList(), ids, "ids rise: " + ids);
    }

    @Test
    void theStreamOfAFlowsRunsResumesFromItsLastIdWithWhatWasMissedInOrder() {
        TestFlow flow = TestFlow.register();
        URI stream = base.resolve("runs/stream?flow=" + flow.id);
        List<SseClient.Event> seen = new ArrayList<>();
        String first;
        TaskMessage task;
        try (SseClient completedOnly = SseClient.connect(URI.create(stream + "&state=COMPLETED"), null);
                SseClient client = SseClient.connect(stream, null)) {
            awaitEvents(client::events, 1);
            assertEquals("subscribed", client.events().get(0).name());
            assertEquals("{\"resumed\":false}", client.events().get(0).data());
            awaitEvents(completedOnly::events, 1);

            first = flow.startRun("-stream");
            task = flow.awaitTask(first, "stats", 1);
            int dispatched = history(first).size();
            awaitEvents(client::changes, dispatched);
            TestFlow.report(TaskUpdate.running(task, Instant.now()));
            awaitEvents(client::changes, dispatched + 2);
            seen.addAll(client.changes());

            TestFlow.report(TaskUpdate.completed(task, Json.MAPPER.valueToTree(Map.of("mean", 20.0)), Instant.now()));
            // Filtered by state type: the task run's Completed and the flow run's, nothing else.
            awaitEvents(completedOnly::changes, 2);
            assertEquals(
                    List.of("COMPLETED", "COMPLETED"),
                    completedOnly.changes().stream()
                            .map(e -> change(e).type().name())
                            .toList());
        }
        // Missed while away: the first run's end, and a second run from its start.
        TestFlow.awaitRunState(first, "Completed");
        String second = flow.startRun("-stream-2");
        flow.awaitTask(second, "stats", 1);
        List<String> firstRun = history(first);
        List<String> secondRun = history(second);

        String lastId = seen.get(seen.size() - 1).id();
        try (SseClient resumed = SseClient.connect(stream, lastId)) {
            int missed = firstRun.size() - seen.size() + secondRun.size();
            awaitEvents(resumed::changes, missed);
            assertEquals("{\"resumed\":true}", resumed.events().get(0).data());
            assertEquals(lastId, resumed.events().get(0).id());
            seen.addAll(resumed.changes());
        }
        assertEquals(firstRun, describe(ofRun(seen, first)), "the first run's changes once each, in order");
        assertEquals(secondRun, describe(ofRun(seen, second)), "the second run's, all of them");
        assertEquals(firstRun.size() + secondRun.size(), seen.size(), "nothing else: " + describe(seen));
        assertEquals(
                seen.size(),
                new HashSet<>(seen.stream().map(SseClient.Event::id).toList()).size());
    }

    @Test
    void anIdPastTheEndOfTheTopicResumesFromItsEnd() {
        TestFlow flow = TestFlow.register();
        // Say, an id from another cluster: its replay must end where the topic does, not wait for offsets to come.
        try (SseClient client =
                SseClient.connect(base.resolve("runs/stream?flow=" + flow.id), "p0-o999999999.p1-o999999999")) {
            awaitEvents(client::events, 1);
            String run = flow.startRun("-ahead");
            flow.awaitTask(run, "stats", 1);
            List<String> history = history(run);
            awaitEvents(client::changes, history.size());
            assertEquals(history, describe(client.changes()));
        }
    }

    @Test
    void streamsAnswerProblemsBeforeTheyStart() {
        given().header("Last-Event-ID", "yesterday")
                .get("/runs/stream")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.contains("Last-Event-ID"))
                .body("detail", containsString("p0-o1532.p1-o1498"));
        given().get("/runs/{id}/events", "3f2b6c1e-8d4a-4c5e-9b7f-0a1d2c3e4f50")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tributary.io/problems/not-found"));
        given().header("Last-Event-ID", "-3")
                .get("/runs/{id}/events", TestFlow.register().startRun("-problems"))
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("Last-Event-ID"));
        given().get("/runs/{id}/events", "12345")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("id"));
        given().queryParam("state", "BOGUS")
                .get("/runs/stream")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("state"));
    }

    /** The run's history as GET /runs/{id} shows it: "task run id or run: state name", oldest first. */
    private static List<String> history(String run) {
        JsonPath detail = given().get("/runs/{id}", run).jsonPath();
        List<String> entries = new ArrayList<>();
        List<Map<String, Object>> history = detail.getList("history");
        for (Map<String, Object> entry : history) {
            Object taskRunId = entry.get("taskRunId");
            @SuppressWarnings("unchecked")
            Map<String, Object> state = (Map<String, Object>) entry.get("state");
            entries.add((taskRunId == null ? "run" : taskRunId) + ": " + state.get("name"));
        }
        return entries;
    }

    private static List<String> describe(List<SseClient.Event> events) {
        return events.stream()
                .map(RunApiLiveTest::change)
                .map(c -> (c.taskRunId() == null ? "run" : c.taskRunId().toString()) + ": " + c.name())
                .toList();
    }

    private static List<SseClient.Event> ofRun(List<SseClient.Event> events, String run) {
        return events.stream()
                .filter(e -> change(e).flowRunId().toString().equals(run))
                .toList();
    }

    private static RunChange change(SseClient.Event event) {
        RunChange change = Json.read(event.data(), RunChange.class);
        assertNotNull(change.flowRunId());
        return change;
    }

    private static void awaitEvents(Supplier<List<SseClient.Event>> events, int count) {
        Awaitility.await()
                .atMost(Records.WAIT)
                .untilAsserted(() -> assertTrue(events.get().size() >= count, "events so far: " + events.get()));
    }
}
