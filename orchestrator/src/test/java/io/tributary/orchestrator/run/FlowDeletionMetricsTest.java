package io.tributary.orchestrator.run;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.contract.json.Json;
import io.tributary.contract.task.TaskMessage;
import io.tributary.contract.task.TaskUpdate;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.PostgresTestResource;
import io.tributary.devstack.testing.Records;
import io.tributary.http.testing.PrometheusText;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Real Kafka and PostgreSQL: deleting a flow removes its {@code tributary_runs_transitions_total} series from
 * {@code /q/metrics} (a deleted flow keeps no series until a restart), and only its own; on another replica too,
 * once its catalogue sees the flow gone.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class FlowDeletionMetricsTest {
    private static final String TRANSITIONS = "tributary_runs_transitions_total";

    @Inject
    Pool pool;

    @Test
    void aDeletedFlowsRunSeriesAreRemovedAndOtherFlowsKeepTheirs() {
        TestFlow deleted = TestFlow.register();
        TestFlow kept = TestFlow.register();
        String runId = deleted.startRun("-a");
        TaskMessage task = deleted.awaitTask(runId, "stats", 1);
        Instant now = Instant.now();
        TestFlow.report(TaskUpdate.running(task, now));
        TestFlow.report(TaskUpdate.completed(task, Json.MAPPER.valueToTree(Map.of("mean", 20.0)), now));
        TestFlow.awaitRunState(runId, "Completed");
        kept.startRun("-b");
        Awaitility.await().atMost(Records.WAIT).untilAsserted(() -> {
            PrometheusText metrics = PrometheusText.scrape();
            assertEquals(1.0, metrics.value(TRANSITIONS, "flow", deleted.prefix, "state", "Completed"));
            metrics.assertHas(TRANSITIONS, "flow", kept.prefix, "state", "Scheduled");
        });

        given().delete("/flows/{name}", deleted.prefix).then().statusCode(204);

        PrometheusText after = PrometheusText.scrape();
        assertFalse(after.has(TRANSITIONS, "flow", deleted.prefix), after::toString);
        after.assertHas(TRANSITIONS, "flow", kept.prefix, "state", "Scheduled");
    }

    @Test
    void aFlowAnotherReplicaDeletedLosesItsSeriesWhenTheCatalogueReloads() {
        TestFlow flow = TestFlow.register();
        flow.startRun("-a");
        Awaitility.await()
                .atMost(Records.WAIT)
                .untilAsserted(() -> PrometheusText.scrape().assertHas(TRANSITIONS, "flow", flow.prefix));

        // What another replica's deletion leaves in the database: the flow marked deleted, the revision moved on.
        pool.withTransaction(connection -> connection
                        .preparedQuery("update flow set deleted_at = now() where name = $1")
                        .execute(Tuple.of(flow.prefix))
                        .flatMap(updated -> connection
                                .query("update catalog_revision set revision = revision + 1 where id = 1")
                                .execute()))
                .await()
                .atMost(Records.WAIT);

        Awaitility.await().atMost(Records.WAIT).untilAsserted(() -> {
            // The next event this replica consumes has its catalogue reload (one that starts no run will do).
            TestFlow.send(TestFlow.event("nobody-" + UUID.randomUUID(), 1.0));
            assertFalse(PrometheusText.scrape().has(TRANSITIONS, "flow", flow.prefix));
        });
    }
}
