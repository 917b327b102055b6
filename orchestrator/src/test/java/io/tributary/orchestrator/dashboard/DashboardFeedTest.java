package io.tributary.orchestrator.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.tributary.contract.Topics;
import io.tributary.contract.dlq.DeadLetter;
import io.tributary.contract.dlq.DeadLetterMessages;
import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.EventData;
import io.tributary.contract.event.EventTypes;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.json.Json;
import io.tributary.contract.run.StateType;
import io.tributary.contract.task.TaskMessage;
import io.tributary.contract.task.TaskUpdate;
import io.tributary.devstack.testing.CloudEventRecords;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.PostgresTestResource;
import io.tributary.devstack.testing.Records;
import io.tributary.devstack.testing.SharedInfrastructure;
import io.tributary.orchestrator.run.SseClient;
import io.tributary.orchestrator.run.TestFlow;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's data on real brokers: what is written to the events, dead-letter and results topics reaches the
 * live feed and the lists a page opens with, the rates count it per second, the series keep their values, and the
 * overview counts runs by state and ranks flows by their ended runs.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class DashboardFeedTest {
    private static final KafkaCompanion KAFKA = SharedInfrastructure.companion();

    @TestHTTPResource("/dashboard/stream")
    URI stream;

    @Test
    void anEventADeadLetterAndAResultReachTheLiveFeedTheRecentListsAndTheSeries() {
        String subject = "dash-" + UUID.randomUUID();
        String seriesKey = "/iot/devices|" + subject;
        try (SseClient live = SseClient.connect(URI.create(stream + "?subject=" + subject), null)) {
            Awaitility.await().atMost(Records.WAIT).until(() -> live.status() == 200);
            // The stream is open once its first rates event arrived: items written from now on reach it.
            Awaitility.await()
                    .atMost(Records.WAIT)
                    .until(() -> live.events().stream().anyMatch(e -> "rates".equals(e.name())));

            NormalizedEvent event = TestFlow.event(subject, 21.5);
            KAFKA.produceStrings().fromRecords(CloudEventRecords.of(event)).awaitCompletion();
            KAFKA.produceStrings().fromRecords(deadLetter(subject)).awaitCompletion();
            KAFKA.produceStrings().fromRecords(result(seriesKey)).awaitCompletion();

            Awaitility.await().atMost(Records.WAIT).untilAsserted(() -> {
                List<String> kinds = live.events().stream()
                        .filter(e -> !"rates".equals(e.name()))
                        .map(SseClient.Event::name)
                        .toList();
                assertTrue(kinds.containsAll(List.of("event", "dead-letter", "result")), kinds.toString());
            });
            JsonPath item = new JsonPath(live.events().stream()
                    .filter(e -> "event".equals(e.name()))
                    .findFirst()
                    .orElseThrow()
                    .data());
            assertEquals(event.id(), item.getString("id"));
            assertEquals(21.5, item.getDouble("data.metrics.temperature"));
            assertEquals(event.time().toInstant(), Instant.parse(item.getString("time")));
            JsonPath letter = new JsonPath(live.events().stream()
                    .filter(e -> "dead-letter".equals(e.name()))
                    .findFirst()
                    .orElseThrow()
                    .data());
            assertEquals("MALFORMED_PAYLOAD", letter.getString("type"));
            assertEquals("{not json", letter.getString("data.raw"));
        }

        given().queryParam("subject", subject)
                .get("/dashboard/recent")
                .then()
                .statusCode(200)
                .body("kind", containsInAnyOrder("result", "dead-letter", "event"));
        given().queryParam("kind", "dead-letter")
                .queryParam("subject", subject)
                .get("/dashboard/recent")
                .then()
                .body("type", equalTo(List.of("MALFORMED_PAYLOAD")))
                .body("[0].data.detail", containsString("not JSON"));
        given().get("/dashboard/series").then().body("'" + seriesKey + "'", equalTo(List.of("temperature")));
        given().queryParam("key", seriesKey)
                .queryParam("metric", "temperature")
                .get("/dashboard/series/values")
                .then()
                .statusCode(200)
                .body("points[0][1]", equalTo(21.5f))
                .body("results[0].data.mean", equalTo(21.5f))
                .body("results[0].extensions.flowrunid", equalTo("0b9f6a4e-2c1d-4e8f-9a7b-3c5d6e7f8a90"));
    }

    @Test
    void eventsCountPerSourceEachSecond() {
        String source = "/test/rates-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            NormalizedEvent event = new NormalizedEvent(
                    UUID.randomUUID().toString(),
                    URI.create(source),
                    EventTypes.MEASUREMENT,
                    "device-" + i,
                    OffsetDateTime.now(ZoneOffset.UTC),
                    new EventData(Map.of("level", (double) i), Map.of(), null));
            KAFKA.produceStrings().fromRecords(CloudEventRecords.of(event)).awaitCompletion();
        }
        // The overview's rates stop two seconds short of now: a second is shown once its records have been read.
        Awaitility.await().atMost(Records.WAIT).untilAsserted(() -> {
            List<Integer> counts = given().get("/dashboard/overview")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("rates.series.'events " + source + "'", Integer.class);
            assertEquals(
                    5,
                    counts == null
                            ? 0
                            : counts.stream().mapToInt(Integer::intValue).sum(),
                    "" + counts);
        });
    }

    @Test
    void theOverviewCountsRunsByStateAndRanksFlowsByTheirEndedRuns() {
        TestFlow flow = TestFlow.register();
        String run = flow.startRun("-1");
        TaskMessage task = flow.awaitTask(run, "stats", 1);
        TestFlow.report(TaskUpdate.running(task, Instant.now()));
        TestFlow.report(TaskUpdate.failed(task, "the sensor's window was empty", Instant.now()));
        TestFlow.awaitRunState(run, "Failed");

        Awaitility.await().atMost(Records.WAIT).untilAsserted(() -> {
            JsonPath overview = given().get("/dashboard/overview")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            for (StateType type : StateType.values()) {
                assertTrue(overview.getMap("runsByState").containsKey(type.name()), type.name());
            }
            assertTrue(overview.getLong("runsByState.FAILED") >= 1, overview.prettify());
            Map<String, Object> stat = overview.getMap("flows.find { it.flow == '" + flow.prefix + "' }");
            assertEquals(1, stat.get("ended"), overview.prettify());
            assertEquals(1, stat.get("failed"));
        });
    }

    @Test
    void thePagesAreServedWithTheirScriptsAndChartLibrary() {
        given().get("/").then().statusCode(200).contentType("text/html").body(containsString("/ui/overview.js"));
        given().get("/ui/runs")
                .then()
                .statusCode(200)
                .body(containsString("<option>COMPLETED</option>"))
                .body(containsString("aria-current=\"page\">Runs"));
        given().get("/ui/flows/{name}", "some-flow")
                .then()
                .statusCode(200)
                .body(containsString("data-flow=\"some-flow\""));
        given().get("/ui/runs/{id}", UUID.randomUUID()).then().statusCode(200);
        for (String page : List.of("/ui/flows", "/ui/series", "/ui/events")) {
            given().get(page).then().statusCode(200).body(containsString("<main id=\"main\">"));
        }
        given().get("/ui/app.js").then().statusCode(200).body(containsString("export async function api"));
        given().get("/webjars/uplot/dist/uPlot.iife.min.js").then().statusCode(200);
        // A page of the API is not a page of the dashboard: the API answers JSON as before.
        given().get("/flows")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("$", hasItem(hasKey("name")));
    }

    @Test
    void aFeedOfAnUnknownKindIsAProblem() {
        given().queryParam("kind", "gossip")
                .get("/dashboard/recent")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("kind"));
        given().queryParam("key", "/nowhere|nothing")
                .queryParam("metric", "x")
                .get("/dashboard/series/values")
                .then()
                .statusCode(404);
    }

    private static ProducerRecord<String, String> deadLetter(String subject) {
        DeadLetter letter = new DeadLetter(
                "/iot/devices",
                "tributary/" + subject + "/telemetry",
                DeadLetterReason.MALFORMED_PAYLOAD,
                "The payload is not JSON: unexpected end of input",
                "{not json",
                Instant.now());
        ProducerRecord<String, String> record =
                new ProducerRecord<>(Topics.EVENTS_DLQ, letter.source(), Json.write(letter));
        record.headers()
                .add(DeadLetterMessages.REASON_HEADER, letter.reason().name().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** A window-stats result as analytics writes it: a CloudEvent whose subject is the series key. */
    private static ProducerRecord<String, String> result(String seriesKey) {
        NormalizedEvent asEvent = new NormalizedEvent(
                UUID.randomUUID() + ":1",
                URI.create("/analytics"),
                EventTypes.RESULT,
                seriesKey,
                OffsetDateTime.now(ZoneOffset.UTC),
                new EventData(Map.of(), Map.of(), null));
        ProducerRecord<String, String> template = CloudEventRecords.of(asEvent);
        ProducerRecord<String, String> record = new ProducerRecord<>(
                Topics.RESULTS,
                null,
                seriesKey,
                Json.write(Map.of("metric", "temperature", "mean", 21.5, "stddev", 0.0, "count", 1)),
                template.headers());
        record.headers().add("ce_flowrunid", "0b9f6a4e-2c1d-4e8f-9a7b-3c5d6e7f8a90".getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
