package io.tributary.orchestrator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.contract.json.Json;
import io.tributary.contract.run.StateType;
import io.tributary.contract.task.TaskMessage;
import io.tributary.contract.task.TaskUpdate;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.PostgresTestResource;
import io.tributary.devstack.testing.Records;
import io.tributary.http.testing.PrometheusText;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Real Kafka and PostgreSQL: the census ({@code tributary_runs_current} and {@link RunCensus#latest()}) follows a run
 * from state to state, and agrees with the table counted another way (one {@code group by}), every state type there.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class RunCensusTest {
    private static final String BY_STATE = "select state_type, count(*) from flow_run group by state_type";

    @Inject
    RunCensus census;

    @Inject
    Pool pool;

    @Test
    void theGaugeAndTheCensusShowHowManyRunsAreInEachStateNow() {
        TestFlow flow = TestFlow.register();
        String runId = flow.startRun("-census");
        TaskMessage task = flow.awaitTask(runId, "stats", 1);
        TestFlow.awaitRunState(runId, "Pending");
        Map<StateType, Long> pending = awaitCensusOfTheTable();
        assertTrue(pending.get(StateType.PENDING) >= 1, pending::toString);

        Instant now = Instant.now();
        TestFlow.report(TaskUpdate.running(task, now));
        TestFlow.awaitRunState(runId, "Running");
        Map<StateType, Long> running = awaitCensusOfTheTable();
        assertTrue(running.get(StateType.RUNNING) >= 1, running::toString);

        TestFlow.report(TaskUpdate.completed(task, Json.MAPPER.valueToTree(Map.of("mean", 20.0)), now));
        TestFlow.awaitRunState(runId, "Completed");
        Map<StateType, Long> completed = awaitCensusOfTheTable();
        assertTrue(completed.get(StateType.COMPLETED) >= 1, completed::toString);
    }

    /**
     * Waits until the census, its gauges and the table agree (the census is taken every second in tests), and
     * returns the census then.
     */
    private Map<StateType, Long> awaitCensusOfTheTable() {
        AtomicReference<Map<StateType, Long>> agreed = new AtomicReference<>();
        Awaitility.await().atMost(Records.WAIT).untilAsserted(() -> {
            Map<StateType, Long> latest = census.latest();
            assertEquals(table(), latest);
            PrometheusText metrics = PrometheusText.scrape();
            for (StateType type : StateType.values()) {
                assertEquals(
                        (double) latest.get(type),
                        metrics.value("tributary_runs_current", "state", type.name()),
                        type.name());
            }
            agreed.set(latest);
        });
        return agreed.get();
    }

    private Map<StateType, Long> table() {
        Map<StateType, Long> counted = new EnumMap<>(StateType.class);
        for (StateType type : StateType.values()) {
            counted.put(type, 0L);
        }
        pool.preparedQuery(BY_STATE)
                .execute()
                .await()
                .atMost(Records.WAIT)
                .forEach(row -> counted.put(StateType.valueOf(row.getString(0)), row.getLong(1)));
        return counted;
    }
}
