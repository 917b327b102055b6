package io.tributary.orchestrator.trigger.compound;

import static io.restassured.RestAssured.given;
import static io.tributary.orchestrator.trigger.pattern.PatternFlows.WAIT;
import static io.tributary.orchestrator.trigger.pattern.PatternFlows.awaitRuns;
import static io.tributary.orchestrator.trigger.pattern.PatternFlows.create;
import static io.tributary.orchestrator.trigger.pattern.PatternFlows.groups;
import static io.tributary.orchestrator.trigger.pattern.PatternFlows.kept;
import static io.tributary.orchestrator.trigger.pattern.PatternFlows.reading;
import static io.tributary.orchestrator.trigger.pattern.PatternFlows.runs;
import static io.tributary.orchestrator.trigger.pattern.PatternFlows.send;
import static io.tributary.orchestrator.trigger.pattern.PatternFlows.trigger;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.json.Json;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.PostgresTestResource;
import io.tributary.orchestrator.tasktype.TaskTypesFixture;
import io.tributary.orchestrator.trigger.IncomingEvent;
import io.tributary.orchestrator.trigger.pattern.PatternCounter;
import io.tributary.orchestrator.trigger.pattern.PatternFlows;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Compound triggers per group against the real Kafka and PostgreSQL: one run per firing, each event counted once. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class CompoundTriggerTest {
    private static final String HOT = "event.data.metrics.temperature > 80";
    private static final String HIGH = "event.data.metrics.pressure > 8";

    @Inject
    Pool pool;

    @Inject
    PatternCounter patterns;

    @BeforeEach
    void taskTypesArePublished() {
        TaskTypesFixture.ensurePublished();
    }

    @Test
    void twoOfThreePartsFireOncePerGroupAndADuplicateEventCountsOnce() {
        String prefix = "compound-" + UUID.randomUUID();
        String flowId = create(
                prefix,
                Map.of(
                        "kind",
                        "compound",
                        "require",
                        2,
                        "withinSeconds",
                        600,
                        "triggers",
                        List.of(
                                Map.of("subject", prefix + "-*", "filter", HOT, "count", 2),
                                Map.of("subject", prefix + "-*", "filter", HIGH),
                                Map.of("subject", prefix + "-*", "filter", "event.data.metrics.humidity > 90"))));
        OffsetDateTime t0 = OffsetDateTime.now(ZoneOffset.UTC);
        // Boiler a: a hot reading twice on the topic (one event), high pressure, then a second hot reading.
        NormalizedEvent hot = reading(prefix + "-a", "temperature", 90, t0);
        send(hot);
        send(hot);
        send(reading(prefix + "-a", "pressure", 9, t0.plusSeconds(2)));
        send(reading(prefix + "-a", "temperature", 95, t0.plusSeconds(3)));
        // Boiler b: high pressure and humidity.
        send(reading(prefix + "-b", "pressure", 9, t0.plusSeconds(1)));
        send(reading(prefix + "-b", "humidity", 95, t0.plusSeconds(2)));

        JsonPath runs = awaitRuns(flowId, 2);
        assertEquals(List.of("compound", "compound"), runs.getList("items.triggerKind"));
        assertEquals(
                Set.of(PatternFlows.SOURCE + "|" + prefix + "-a", PatternFlows.SOURCE + "|" + prefix + "-b"),
                Set.copyOf(runs.getList("items.seriesKey")));
        String runOfA = runs.getString("items.find { it.seriesKey.endsWith('-a') }.id");
        // Had the duplicate counted, the pressure reading would have fired it: it fired at the second hot reading.
        JsonPath trigger = trigger(runOfA);
        assertEquals(
                t0.plusSeconds(3).toInstant(),
                OffsetDateTime.parse(trigger.getString("time")).toInstant());
        assertEquals(List.of(0, 1, 0), trigger.getList("data.attributes.matched.match"));
        assertEquals(hot.id(), trigger.getString("data.attributes.matched[0].id"));
        assertTrue(trigger.getString("id").startsWith("compound:"));
    }

    @Test
    void anyFiresForEveryMatchingEventAndAllOncePerFiring() {
        String device = "any-all-" + UUID.randomUUID();
        List<Map<String, String>> parts =
                List.of(Map.of("subject", device, "filter", HOT), Map.of("subject", device, "filter", HIGH));
        String any = create(
                device + "-any", Map.of("kind", "compound", "require", "any", "withinSeconds", 60, "triggers", parts));
        String all = create(
                device + "-all", Map.of("kind", "compound", "require", "all", "withinSeconds", 60, "triggers", parts));
        OffsetDateTime t0 = OffsetDateTime.now(ZoneOffset.UTC);
        send(reading(device, "temperature", 90, t0));
        send(reading(device, "pressure", 9, t0.plusSeconds(1)));
        NormalizedEvent after = reading(device, "temperature", 91, t0.plusSeconds(2));
        send(after);

        awaitRuns(any, 3);
        // The last reading was counted for both flows in one transaction: all fired once and kept it for the next.
        assertEquals(List.of(after.id()), kept(pool, all, device));
        assertEquals(1, runs(all).getList("items").size());
        assertEquals(3, runs(any).getList("items").size());
    }

    @Test
    void anEventRedeliveredAtAPlaceAlreadyCountedIsNotCountedAgain() {
        String device = "redelivered-" + UUID.randomUUID();
        String flowId = create(
                device,
                Map.of(
                        "kind",
                        "compound",
                        "require",
                        "all",
                        "withinSeconds",
                        600,
                        "triggers",
                        List.of(Map.of("subject", device, "filter", HOT, "count", 3))));
        // A partition no real event uses, so that the test alone places events in it.
        int partition = 1_000 + ThreadLocalRandom.current().nextInt(1_000_000);
        OffsetDateTime t0 = OffsetDateTime.now(ZoneOffset.UTC);
        List<IncomingEvent> batch = List.of(
                new IncomingEvent(reading(device, "temperature", 90, t0), partition, 0),
                new IncomingEvent(reading(device, "temperature", 90, t0.plusSeconds(1)), partition, 1));
        Awaitility.await().atMost(WAIT).until(() -> {
            observe(batch);
            return kept(pool, flowId, device).size() == 2;
        });
        observe(batch);
        // Not even a new event id counts at a place already counted: the offsets, not the ids, guard it.
        observe(List.of(new IncomingEvent(reading(device, "temperature", 90, t0.plusSeconds(2)), partition, 1)));
        assertEquals(2, kept(pool, flowId, device).size());
        assertEquals(0, runs(flowId).getList("items").size());

        int started = observe(
                List.of(new IncomingEvent(reading(device, "temperature", 90, t0.plusSeconds(3)), partition, 2)));
        assertEquals(1, started);
        assertEquals(List.of(), kept(pool, flowId, device));

        // A trigger the flow no longer has leaves no state behind.
        given().delete("/flows/{name}", device).then().statusCode(204);
        assertEquals(0, groups(pool, flowId));
    }

    @Test
    void twoReplicasCountingTheSameBatchAtOnceStartOneRun() {
        String device = "replicas-" + UUID.randomUUID();
        String flowId = create(
                device,
                Map.of(
                        "kind",
                        "compound",
                        "require",
                        "all",
                        "withinSeconds",
                        600,
                        "triggers",
                        List.of(Map.of("subject", device, "filter", HOT, "count", 3))));
        int partition = 1_000 + ThreadLocalRandom.current().nextInt(1_000_000);
        OffsetDateTime t0 = OffsetDateTime.now(ZoneOffset.UTC);
        List<IncomingEvent> first = List.of(new IncomingEvent(reading(device, "temperature", 90, t0), partition, 0));
        Awaitility.await().atMost(WAIT).until(() -> {
            observe(first);
            return kept(pool, flowId, device).size() == 1;
        });
        // A rebalance can hand a batch to a second replica before the first committed its offsets to Kafka.
        List<IncomingEvent> completing = List.of(
                new IncomingEvent(reading(device, "temperature", 91, t0.plusSeconds(1)), partition, 1),
                new IncomingEvent(reading(device, "temperature", 92, t0.plusSeconds(2)), partition, 2));
        int started = observe(() -> Uni.combine()
                .all()
                .unis(patterns.observe(completing), patterns.observe(completing))
                .with((a, b) -> a + b));
        assertEquals(1, started);
        assertEquals(1, runs(flowId).getList("items").size());
    }

    /** As the consumer calls it: on a Vert.x context. */
    private int observe(List<IncomingEvent> batch) {
        return observe(() -> patterns.observe(batch));
    }

    private static int observe(Supplier<Uni<Integer>> counting) {
        try {
            return VertxContextSupport.subscribeAndAwait(counting);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theOpenApiDocumentShowsTheNewKindsWithExamples() {
        JsonPath openApi = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        for (String schema : List.of("CompoundTrigger", "SequenceTrigger", "EventCondition")) {
            assertNotNull(openApi.get("components.schemas." + schema + ".examples[0]"), schema);
        }
        assertEquals(6, openApi.getList("components.schemas.Trigger.oneOf").size());
        // A word or a number, not the record that holds it.
        assertEquals(
                2, openApi.getList("components.schemas.CompoundRequire.oneOf").size());
        assertNull(openApi.get("components.schemas.CompoundRequire.properties"));
    }

    @Test
    void invalidPartsAndRequireAreFieldErrors() {
        Map<String, Object> trigger = Map.of(
                "kind",
                "compound",
                "require",
                3,
                "withinSeconds",
                60,
                "triggers",
                List.of(Map.of("filter", HOT), Map.of("filter", "event.data.metrics.pressure >")));
        given().contentType(ContentType.JSON)
                .body(Json.write(Map.of(
                        "name",
                        "bad-compound",
                        "triggers",
                        List.of(trigger),
                        "tasks",
                        List.of(Map.of("name", "stats", "type", "window-stats")))))
                .post("/flows")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("triggers[0].triggers[1].filter", "triggers[0].require"));
    }
}
