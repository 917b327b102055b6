package io.tributary.orchestrator.run;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.PostgresTestResource;
import io.tributary.orchestrator.tasktype.TaskTypesFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every error of the run API is an RFC 9457 problem that says what was wrong and what would be right. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class RunApiProblemsTest {
    @BeforeEach
    void taskTypesArePublished() {
        TaskTypesFixture.ensurePublished();
    }

    private static final String PROBLEMS = "https://tributary.io/problems/";

    @Test
    void anUnknownStateIsABadRequestListingTheStates() {
        problem(given().queryParam("state", "BOGUS").get("/runs"), 400, "invalid-parameter")
                .body(
                        "detail",
                        equalTo("Parameter 'state' must be one of SCHEDULED, PENDING, RUNNING, COMPLETED, FAILED,"
                                + " CANCELLING, CANCELLED, CRASHED, PAUSED; got 'BOGUS'."))
                .body("errors.field", contains("state"))
                .body("instance", equalTo("/runs"));
        problem(given().queryParam("stateName", "Bogus").get("/runs"), 400, "invalid-parameter")
                .body("detail", containsString("'stateName' must be one of Scheduled, Late, AwaitingRetry, Pending,"))
                .body("errors.field", contains("stateName"));
        problem(given().queryParam("triggerKind", "cron").get("/runs"), 400, "invalid-parameter")
                .body("detail", containsString("'triggerKind' must be one of event, schedule, threshold, proactive"))
                .body("detail", containsString("manual"))
                .body("errors.field", contains("triggerKind"));
    }

    @Test
    void aMalformedIdInstantCursorOrLimitNamesTheParameter() {
        problem(given().queryParam("flow", "not-a-uuid").get("/runs"), 400, "invalid-parameter")
                .body("detail", containsString("Parameter 'flow' must be a UUID"))
                .body("detail", containsString("got 'not-a-uuid'"));
        problem(given().get("/runs/{id}", "12345"), 400, "invalid-parameter")
                .body("errors.field", contains("id"))
                .body("detail", containsString("must be a UUID"));
        problem(given().post("/runs/{id}/cancel", "12345"), 400, "invalid-parameter")
                .body("errors.field", contains("id"));
        problem(given().queryParam("createdAfter", "yesterday").get("/runs"), 400, "invalid-parameter")
                .body("errors.field", contains("createdAfter"))
                .body("detail", containsString("ISO-8601"));
        problem(given().queryParam("cursor", "bm90IGEgY3Vyc29y").get("/runs"), 400, "invalid-parameter")
                .body("errors.field", contains("cursor"));
        problem(given().queryParam("limit", 0).get("/runs"), 400, "validation").body("errors.field", contains("limit"));
    }

    @Test
    void aBodyThatIsNotJsonSaysWhereItBreaks() {
        problem(
                        given().contentType(ContentType.JSON)
                                .body("{\n  \"name\": \"x\",\n  nope\n}")
                                .post("/flows"),
                        400,
                        "malformed-body")
                .body("detail", containsString("not valid JSON"))
                .body("detail", containsString("(line 3, column 3)"))
                .body("detail", containsString("was expecting double-quote to start field name"));
    }

    @Test
    void aBodyOfTheWrongShapeNamesTheField() {
        problem(
                        given().contentType(ContentType.JSON)
                                .body("{\"name\": \"x\", \"tasks\": [{\"name\": \"a\", \"type\": \"window-stats\","
                                        + " \"timeoutSeconds\": \"soon\"}]}")
                                .post("/flows"),
                        400,
                        "malformed-body")
                .body("detail", containsString("at 'tasks[0].timeoutSeconds' (line 1, column"))
                .body("errors.field", contains("tasks[0].timeoutSeconds"));
    }

    @Test
    void anUnknownRunIsNotFound() {
        problem(given().get("/runs/{id}", "3f2b6c1e-8d4a-4c5e-9b7f-0a1d2c3e4f50"), 404, "not-found")
                .body("detail", equalTo("No flow run with id 3f2b6c1e-8d4a-4c5e-9b7f-0a1d2c3e4f50."));
    }

    private static ValidatableResponse problem(io.restassured.response.Response response, int status, String type) {
        return response.then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + type))
                .body("status", equalTo(status));
    }
}
