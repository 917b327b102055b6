package io.tributary.orchestrator.trigger.proactive;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tributary.contract.event.EventData;
import io.tributary.contract.event.EventTypes;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.json.Json;
import io.tributary.devstack.testing.CloudEventRecords;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.PostgresTestResource;
import io.tributary.devstack.testing.SharedInfrastructure;
import io.tributary.orchestrator.tasktype.TaskTypesFixture;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A device that goes silent starts one run per silence, against the real Kafka and PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class ProactiveTriggerTest {
    private static final Duration WAIT = Duration.ofSeconds(45);

    @BeforeEach
    void taskTypesArePublished() {
        TaskTypesFixture.ensurePublished();
    }

    @Test
    void aSilentDeviceStartsOneRunPerSilenceAndItsNextReadingWatchesItAgain() {
        String device = "silent-" + UUID.randomUUID();
        String flowId = given().contentType(ContentType.JSON)
                .body(Json.write(Map.of(
                        "name", device + "-flow",
                        "triggers", List.of(Map.of("kind", "proactive", "subject", device, "withinSeconds", 1)),
                        "tasks", List.of(Map.of("name", "stats", "type", "window-stats")))))
                .post("/flows")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        OffsetDateTime t0 = OffsetDateTime.now(ZoneOffset.UTC);
        send(device, t0);
        JsonPath first = awaitRuns(flowId, 1);
        assertEquals("proactive", first.getString("items[0].triggerKind"));
        assertEquals("/iot/silences|" + device, first.getString("items[0].seriesKey"));

        // The next reading watches the device again: its silence is a second one, with a run of its own.
        send(device, t0.plusSeconds(5));
        JsonPath both = awaitRuns(flowId, 2);
        assertNotEquals(both.getString("items[0].eventId"), both.getString("items[1].eventId"));
        given().queryParam("flow", flowId)
                .get("/runs")
                .then()
                .body("items.triggerKind", everyItem(equalTo("proactive")));
    }

    private static JsonPath awaitRuns(String flowId, int count) {
        return Awaitility.await()
                .atMost(WAIT)
                .until(
                        () -> given().queryParam("flow", flowId)
                                .get("/runs")
                                .then()
                                .extract()
                                .jsonPath(),
                        runs -> runs.getList("items").size() >= count);
    }

    private static void send(String device, OffsetDateTime time) {
        NormalizedEvent event = new NormalizedEvent(
                UUID.randomUUID().toString(),
                URI.create("/iot/silences"),
                EventTypes.MEASUREMENT,
                device,
                time,
                new EventData(Map.of("temperature", 20.0), Map.of(), null));
        SharedInfrastructure.companion()
                .produceStrings()
                .fromRecords(CloudEventRecords.of(event))
                .awaitCompletion();
    }
}
