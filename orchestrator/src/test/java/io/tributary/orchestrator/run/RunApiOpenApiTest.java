package io.tributary.orchestrator.run;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.PostgresTestResource;
import io.tributary.orchestrator.lifecycle.StateName;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes every run operation, its parameters and its schemas, with examples. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class RunApiOpenApiTest {
    @Test
    void everyRunOperationHasADescriptionAndItsParametersExamples() {
        JsonPath openApi = openApi();
        Map<String, Map<String, Map<String, Object>>> paths = openApi.getMap("paths");
        List<String> runPaths = paths.keySet().stream()
                .filter(p -> p.startsWith("/runs"))
                .sorted()
                .toList();
        assertEquals(
                List.of(
                        "/runs",
                        "/runs/stream",
                        "/runs/{id}",
                        "/runs/{id}/cancel",
                        "/runs/{id}/events",
                        "/runs/{id}/retry"),
                runPaths);
        for (String path : runPaths) {
            paths.get(path).forEach((method, operation) -> {
                String where = method + " " + path;
                assertFalse(String.valueOf(operation.get("summary")).isBlank(), where);
                assertFalse(String.valueOf(operation.get("description")).isBlank(), where + " has a description");
                List<Map<String, Object>> parameters = parameters(operation);
                for (Map<String, Object> parameter : parameters) {
                    String name = where + " " + parameter.get("name");
                    assertNotNull(parameter.get("description"), name + " has a description");
                    assertNotNull(parameter.get("example"), name + " has an example");
                }
                assertTrue(((Map<?, ?>) operation.get("responses")).size() >= 2, where + " lists its problems");
            });
        }
    }

    @Test
    void theSchemasAreDescribedWithExamplesAndTheStateNamesAreTheLifecycles() {
        JsonPath openApi = openApi();
        for (String schema : List.of("RunPage", "RunView", "Problem")) {
            assertNotNull(openApi.get("components.schemas." + schema + ".description"), schema);
        }
        // OpenAPI 3.1 lists examples.
        assertNotNull(openApi.get("components.schemas.RunPage.examples[0].items"));
        assertNotNull(openApi.get("components.schemas.Problem.examples[0].type"));
        assertNotNull(openApi.get("components.schemas.TaskRunView.properties.input.examples[0]"));
        // Results and events are any JSON, not Jackson's node class.
        assertNull(openApi.get("components.schemas.JsonNode.properties"));
        Map<String, Object> stateName = parameters(openApi.getMap("paths.'/runs'.get")).stream()
                .filter(p -> p.get("name").equals("stateName"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                Arrays.stream(StateName.values()).map(StateName::label).toList(),
                ((Map<?, ?>) stateName.get("schema")).get("enum"));
    }

    private static JsonPath openApi() {
        return given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parameters(Map<String, Object> operation) {
        Object parameters = operation.get("parameters");
        return parameters == null ? List.of() : (List<Map<String, Object>>) parameters;
    }
}
