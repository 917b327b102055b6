package io.tributary.orchestrator.trigger.sequence;

import static io.restassured.RestAssured.given;
import static io.tributary.orchestrator.trigger.pattern.PatternFlows.WAIT;
import static io.tributary.orchestrator.trigger.pattern.PatternFlows.awaitRuns;
import static io.tributary.orchestrator.trigger.pattern.PatternFlows.create;
import static io.tributary.orchestrator.trigger.pattern.PatternFlows.kept;
import static io.tributary.orchestrator.trigger.pattern.PatternFlows.reading;
import static io.tributary.orchestrator.trigger.pattern.PatternFlows.runs;
import static io.tributary.orchestrator.trigger.pattern.PatternFlows.send;
import static io.tributary.orchestrator.trigger.pattern.PatternFlows.trigger;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.json.Json;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.PostgresTestResource;
import io.tributary.orchestrator.tasktype.TaskTypesFixture;
import io.tributary.orchestrator.trigger.pattern.PatternFlows;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sequence triggers against the real Kafka and PostgreSQL: steps in event-time order, whatever the arrival order. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class SequenceTriggerTest {
    private static final String OPENED = "event.data.metrics.door > 0";
    private static final String WARM = "event.data.metrics.temperature > 8";

    @Inject
    Pool pool;

    @BeforeEach
    void taskTypesArePublished() {
        TaskTypesFixture.ensurePublished();
    }

    @Test
    void stepsInEventTimeOrderFireOnceWithinTheGraceButNotBeyondIt() {
        String prefix = "sequence-" + UUID.randomUUID();
        String flowId = create(
                prefix,
                Map.of(
                        "kind",
                        "sequence",
                        "withinSeconds",
                        600,
                        "graceSeconds",
                        3,
                        "steps",
                        List.of(
                                Map.of("subject", prefix + "-*", "filter", OPENED),
                                Map.of("subject", prefix + "-*", "filter", WARM))));
        // In the past: how late an event is counts from the newest one, but never from the future.
        OffsetDateTime t0 = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(30);
        // Fridge a in order; fridge b's door reading arrives after the warm one, a second out of order; fridge c's
        // nine seconds out of order, beyond the grace.
        send(reading(prefix + "-a", "door", 1, t0));
        send(reading(prefix + "-a", "temperature", 9, t0.plusSeconds(1)));
        send(reading(prefix + "-b", "temperature", 9, t0.plusSeconds(2)));
        NormalizedEvent late = reading(prefix + "-b", "door", 1, t0.plusSeconds(1));
        send(late);
        NormalizedEvent warm = reading(prefix + "-c", "temperature", 9, t0.plusSeconds(10));
        send(warm);
        send(reading(prefix + "-c", "door", 1, t0.plusSeconds(1)));
        NormalizedEvent after = reading(prefix + "-c", "temperature", 9, t0.plusSeconds(11));
        send(after);

        JsonPath runs = awaitRuns(flowId, 2);
        // Fridge c's events are processed in order: once the reading after its late door is kept, the door was dropped.
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> kept(pool, flowId, prefix + "-c"), kept -> kept.equals(List.of(warm.id(), after.id())));
        assertEquals(
                Set.of(PatternFlows.SOURCE + "|" + prefix + "-a", PatternFlows.SOURCE + "|" + prefix + "-b"),
                Set.copyOf(runs(flowId).getList("items.seriesKey")));
        JsonPath trigger = trigger(runs.getString("items.find { it.seriesKey.endsWith('-b') }.id"));
        assertEquals(List.of(0, 1), trigger.getList("data.attributes.matched.match"));
        assertEquals(late.id(), trigger.getString("data.attributes.matched[0].id"));
        assertEquals(
                t0.plusSeconds(2).toInstant(),
                OffsetDateTime.parse(trigger.getString("time")).toInstant());
    }

    @Test
    void tooFewStepsAndABadFilterAreFieldErrors() {
        Map<String, Object> oneStep =
                Map.of("kind", "sequence", "withinSeconds", 60, "steps", List.of(Map.of("filter", OPENED)));
        Map<String, Object> badFilter = Map.of(
                "kind",
                "sequence",
                "withinSeconds",
                60,
                "steps",
                List.of(Map.of("filter", OPENED), Map.of("filter", "event.data.metrics.temperature >")));
        for (Map<String, Object> trigger : List.of(oneStep, badFilter)) {
            String field = trigger == oneStep ? "triggers[0].steps" : "triggers[0].steps[1].filter";
            given().contentType(ContentType.JSON)
                    .body(Json.write(Map.of(
                            "name",
                            "bad-sequence",
                            "triggers",
                            List.of(trigger),
                            "tasks",
                            List.of(Map.of("name", "stats", "type", "window-stats")))))
                    .post("/flows")
                    .then()
                    .statusCode(400)
                    .body("errors.field", containsInAnyOrder(field));
        }
    }
}
