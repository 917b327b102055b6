package io.tributary.orchestrator.trigger.threshold;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tributary.contract.event.EventData;
import io.tributary.contract.event.EventTypes;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.json.Json;
import io.tributary.devstack.testing.CloudEventRecords;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.PostgresTestResource;
import io.tributary.devstack.testing.SharedInfrastructure;
import io.tributary.orchestrator.tasktype.TaskTypesFixture;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A threshold per group against the real Kafka and PostgreSQL: counted per group, fired once per window. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class ThresholdTriggerTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @BeforeEach
    void taskTypesArePublished() {
        TaskTypesFixture.ensurePublished();
    }

    @Test
    void eachGroupIsCountedApartAndAReachedThresholdFiresOncePerWindow() {
        String device = "threshold-" + UUID.randomUUID();
        String name = device + "-flow";
        String flowId = given().contentType(ContentType.JSON)
                .body(Json.write(Map.of(
                        "name",
                        name,
                        "triggers",
                        List.of(Map.of(
                                "kind",
                                "threshold",
                                "subject",
                                device,
                                "filter",
                                "event.data.metrics.temperature > 80",
                                "count",
                                3,
                                "withinSeconds",
                                600,
                                "forEach",
                                "event.data.attributes.zone")),
                        "tasks",
                        List.of(Map.of("name", "stats", "type", "window-stats")))))
                .post("/flows")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        // One device (one partition, in order): two hot readings in the north, a cool one and six hot in the south.
        OffsetDateTime t0 = OffsetDateTime.now(ZoneOffset.UTC);
        int second = 0;
        for (String zone : List.of("north", "north", "south", "south", "south", "south", "south", "south")) {
            send(device, zone, 90.0, t0.plusSeconds(second++));
        }
        send(device, "south", 20.0, t0.plusSeconds(second));

        Awaitility.await()
                .atMost(WAIT)
                .until(() -> counts(flowId), counts -> counts.equals(Map.of("north", 2, "south", 6)));
        given().queryParam("flow", flowId)
                .get("/runs")
                .then()
                .body("items.size()", equalTo(1))
                .body("items[0].triggerKind", equalTo("threshold"))
                .body("items[0].seriesKey", equalTo("/iot/thresholds|" + device));
        String run =
                given().queryParam("flow", flowId).get("/runs").then().extract().path("items[0].id");
        // The run's trigger is the reading that reached the threshold: the third hot one of the south.
        String reachedAt = given().get("/runs/{id}", run).then().extract().path("trigger.time");
        assertEquals(
                t0.plusSeconds(4).toInstant(), OffsetDateTime.parse(reachedAt).toInstant());
    }

    private Map<String, Integer> counts(String flowId) {
        Map<String, Integer> counts = new TreeMap<>();
        pool.preparedQuery("select group_value, event_count from threshold_window where flow_id = $1")
                .execute(Tuple.of(UUID.fromString(flowId)))
                .await()
                .atMost(WAIT)
                .forEach(row -> counts.put(row.getString(0), row.getInteger(1)));
        return counts;
    }

    private static void send(String device, String zone, double temperature, OffsetDateTime time) {
        NormalizedEvent event = new NormalizedEvent(
                UUID.randomUUID().toString(),
                URI.create("/iot/thresholds"),
                EventTypes.MEASUREMENT,
                device,
                time,
                new EventData(Map.of("temperature", temperature), Map.of("zone", zone), null));
        SharedInfrastructure.companion()
                .produceStrings()
                .fromRecords(CloudEventRecords.of(event))
                .awaitCompletion();
    }
}
