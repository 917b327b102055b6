package io.tributary.orchestrator.access;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.PostgresTestResource;
import io.tributary.http.security.ApiKeyAuthenticationMechanism;
import io.tributary.http.security.Roles;
import io.tributary.http.testing.AccessMatrix;
import io.tributary.http.testing.SecuredProfile;
import io.tributary.http.testing.TestCredentials;
import io.tributary.orchestrator.tasktype.TaskTypesFixture;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The orchestrator as deployed, authentication on: each endpoint of its API answers 401, 403 or its normal answer
 * by role, to bearer tokens signed by a key this test generated and to API keys; no answer or log line holds a
 * key or token.
 */
@QuarkusTest
@TestProfile(SecuredProfile.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class ApiAccessTest {
    private static final String FLOW = "access-" + UUID.randomUUID();
    private static final String DOOMED = FLOW + "-doomed";
    private static String run;

    @BeforeEach
    void aFlowAndARunExist() {
        if (run != null) {
            return;
        }
        RestAssured.requestSpecification = new RequestSpecBuilder()
                .addHeader(ApiKeyAuthenticationMechanism.HEADER, TestCredentials.apiKey(Roles.ADMIN))
                .build();
        try {
            TaskTypesFixture.ensurePublished();
            for (String name : new String[] {FLOW, DOOMED}) {
                given().contentType(ContentType.JSON)
                        .body(flow(name))
                        .put("/flows/{name}", name)
                        .then()
                        .statusCode(201);
            }
            run = given().contentType(ContentType.JSON)
                    .body("{}")
                    .post("/flows/{name}/runs", FLOW)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
        } finally {
            RestAssured.requestSpecification = null;
        }
    }

    @Test
    void everyEndpointWantsItsRole() {
        AccessMatrix matrix = new AccessMatrix()
                .get("/flows", "/flows", Roles.VIEWER, 200)
                .add("POST", "/flows", "/flows", flow(FLOW), Roles.ADMIN, 409)
                .get("/flows/{name}", "/flows/" + FLOW, Roles.VIEWER, 200)
                .add("PUT", "/flows/{name}", "/flows/" + FLOW, flow(FLOW), Roles.ADMIN, 200)
                .add("DELETE", "/flows/{name}", "/flows/" + DOOMED, null, Roles.ADMIN, 204, 404)
                .get("/flows/{name}/versions", "/flows/" + FLOW + "/versions", Roles.VIEWER, 200)
                .get("/flows/{name}/versions/{version}", "/flows/" + FLOW + "/versions/1", Roles.VIEWER, 200)
                .add("POST", "/flows/{name}/runs", "/flows/" + FLOW + "/runs", "{}", Roles.OPERATOR, 201)
                .get("/flow-files", "/flow-files", Roles.VIEWER, 200)
                .get("/task-types", "/task-types", Roles.VIEWER, 200)
                .get("/concurrency-limits", "/concurrency-limits", Roles.VIEWER, 200)
                .add(
                        "PUT",
                        "/concurrency-limits/{tag}",
                        "/concurrency-limits/" + FLOW,
                        "{\"limit\": 5}",
                        Roles.ADMIN,
                        200)
                .add("DELETE", "/concurrency-limits/{tag}", "/concurrency-limits/" + FLOW, null, Roles.ADMIN, 204, 404)
                .get("/runs", "/runs?flow=" + UUID.randomUUID(), Roles.VIEWER, 200)
                .get("/runs/{id}", "/runs/" + run, Roles.VIEWER, 200)
                .add("POST", "/runs/{id}/cancel", "/runs/" + run + "/cancel", null, Roles.OPERATOR, 202, 409)
                .add("POST", "/runs/{id}/retry", "/runs/" + run + "/retry", null, Roles.OPERATOR, 201, 202, 409)
                // Streams: a refused parameter or an unknown run ends them, after the access check.
                .get("/runs/stream", "/runs/stream?state=NOPE", Roles.VIEWER, 400)
                .get("/runs/{id}/events", "/runs/" + UUID.randomUUID() + "/events", Roles.VIEWER, 404)
                .get("/dashboard/overview", "/dashboard/overview", Roles.VIEWER, 200)
                .get("/dashboard/recent", "/dashboard/recent?limit=1", Roles.VIEWER, 200)
                .get("/dashboard/stream", "/dashboard/stream?kind=NOPE", Roles.VIEWER, 400)
                .get("/dashboard/series", "/dashboard/series", Roles.VIEWER, 200)
                .get("/dashboard/series/values", "/dashboard/series/values?key=none&metric=x", Roles.VIEWER, 404);
        matrix.verify();
        matrix.coversEveryOperation(Set.of("GET /access-test/unannotated"));
    }

    @Test
    void anEndpointThatNamesNoRoleIsRefusedToEveryone() {
        given().get("/access-test/unannotated").then().statusCode(401);
        given().header("Authorization", "Bearer " + TestCredentials.token(Roles.ADMIN))
                .get("/access-test/unannotated")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    private static String flow(String name) {
        return """
                {"name": "%s", "tags": ["%s"],
                 "triggers": [{"kind": "event", "type": "io.tributary.measurement.v1", "subject": "%s/*"}],
                 "tasks": [{"name": "stats", "type": "window-stats", "parameters": {"metric": "temperature"}}]}""".formatted(name, name, name);
    }
}
