package io.tributary.system;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.tributary.contract.json.Json;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * Registers flows as a user would over HTTP: a one-task flow computing window statistics of the devices' temperature,
 * or any flow given as JSON.
 */
final class StatsFlows {
    private StatsFlows() {}

    /**
     * @param subject glob of the devices whose readings trigger a run
     * @param taskOptions added to the task (timeout, retries)
     * @return the flow's id
     */
    static String register(
            String orchestratorUrl, String name, String subject, int windowSeconds, Map<String, Object> taskOptions) {
        return register(
                orchestratorUrl,
                name,
                Map.of("kind", "event", "type", "io.tributary.measurement.v1", "source", "/iot/*", "subject", subject),
                windowSeconds,
                taskOptions);
    }

    /** The same flow started by {@code trigger} (a trigger spec as JSON). */
    static String register(
            String orchestratorUrl,
            String name,
            Map<String, Object> trigger,
            int windowSeconds,
            Map<String, Object> taskOptions) {
        Map<String, Object> task = new HashMap<>(Map.of(
                "name",
                "stats",
                "type",
                "window-stats",
                "parameters",
                Map.of("metric", "temperature", "windowSeconds", windowSeconds)));
        task.putAll(taskOptions);
        return register(
                orchestratorUrl,
                Json.write(Map.of("name", name, "triggers", List.of(trigger), "tasks", List.of(task))));
    }

    /**
     * Any flow, as its JSON.
     *
     * @return the flow's id
     */
    static String register(String orchestratorUrl, String flow) {
        // 503 until the orchestrator has read the task types analytics publishes when it starts.
        return Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> given().baseUri(orchestratorUrl)
                                .contentType(ContentType.JSON)
                                .body(flow)
                                .post("/flows"),
                        response -> response.statusCode() != 503)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
