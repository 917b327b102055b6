package io.tributary.orchestrator.run;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.contract.json.Json;
import io.tributary.contract.task.TaskMessage;
import io.tributary.contract.task.TaskUpdate;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.PostgresTestResource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /runs/{id} shows what a run ran on: its trigger, each task's parameters, upstream inputs and result. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class RunApiDetailTest {

    @Test
    void aRunShowsItsTriggerAndEachTasksParametersInputsAndResult() {
        TestFlow flow = TestFlow.register(List.of(
                TestFlow.task("stats", Map.of("metric", "temperature", "windowSeconds", 60)),
                TestFlow.task("alert", Map.of("above", 25), "stats")));
        String run = flow.startRun("-boiler");

        given().get("/runs/{id}", run)
                .then()
                .statusCode(200)
                .body("trigger.subject", equalTo(flow.prefix + "-boiler"))
                .body("trigger.source", equalTo(TestFlow.SOURCE))
                .body("trigger.data.metrics.temperature", equalTo(20.0f))
                .body("taskRuns.name", contains("stats", "alert"))
                .body("taskRuns[0].parameters.metric", equalTo("temperature"))
                .body("taskRuns[0].parameters.windowSeconds", equalTo(60))
                .body("taskRuns[0].dependsOn", nullValue())
                .body("taskRuns[0].input", nullValue())
                .body("taskRuns[1].parameters.above", equalTo(25))
                .body("taskRuns[1].dependsOn", contains("stats"))
                // Waiting for its upstream: the input is there, without a result yet.
                .body("taskRuns[1].input", equalTo(java.util.Collections.singletonMap("stats", null)));

        TaskMessage stats = flow.awaitTask(run, "stats", 1);
        TestFlow.report(TaskUpdate.completed(stats, Json.MAPPER.valueToTree(Map.of("mean", 21.5)), Instant.now()));
        TaskMessage alert = flow.awaitTask(run, "alert", 1);
        TestFlow.report(TaskUpdate.completed(alert, Json.MAPPER.valueToTree(Map.of("alerts", 0)), Instant.now()));
        TestFlow.awaitRunState(run, "Completed");

        given().get("/runs/{id}", run)
                .then()
                .body("taskRuns[0].result.mean", equalTo(21.5f))
                .body("taskRuns[1].input.stats.mean", equalTo(21.5f))
                .body("taskRuns[1].result.alerts", equalTo(0))
                .body("result.alerts", equalTo(0))
                .body("history[0].state.name", equalTo("Scheduled"));
    }
}
