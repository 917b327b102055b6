package io.tributary.system;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.tributary.contract.json.Json;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Registers, as a user would over HTTP, a one-task flow computing window statistics of the devices' temperature. */
final class StatsFlows {
    private StatsFlows() {}

    /**
     * @param subject glob of the devices whose readings trigger a run
     * @param taskOptions added to the task (timeout, retries)
     * @return the flow's id
     */
    static String register(
            String orchestratorUrl, String name, String subject, int windowSeconds, Map<String, Object> taskOptions) {
        Map<String, Object> task = new HashMap<>(Map.of(
                "name",
                "stats",
                "type",
                "window-stats",
                "parameters",
                Map.of("metric", "temperature", "windowSeconds", windowSeconds)));
        task.putAll(taskOptions);
        return given().baseUri(orchestratorUrl)
                .contentType(ContentType.JSON)
                .body(Json.write(Map.of(
                        "name",
                        name,
                        "triggers",
                        List.of(Map.of(
                                "kind",
                                "event",
                                "type",
                                "io.tributary.measurement.v1",
                                "source",
                                "/iot/*",
                                "subject",
                                subject)),
                        "tasks",
                        List.of(task))))
                .post("/flows")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
