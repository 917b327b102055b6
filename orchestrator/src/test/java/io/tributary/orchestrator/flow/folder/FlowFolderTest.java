package io.tributary.orchestrator.flow.folder;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.PostgresTestResource;
import io.tributary.orchestrator.tasktype.TaskTypesFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Flows as code: the flow files of docs/flows, copied into the test profile's flows folder, are loaded, versioned
 * when changed, owned by their file, reported when invalid and deleted with their file.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class FlowFolderTest {
    private static final Path FOLDER = Path.of("target", "test-flows");
    private static final Path DOCS = Path.of("..", "docs", "flows");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @BeforeEach
    void taskTypesArePublished() throws IOException {
        TaskTypesFixture.ensurePublished();
        Files.createDirectories(FOLDER);
    }

    @AfterEach
    void emptyTheFolder() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    void theDocumentedFlowFilesLoadAndAChangedFileMakesANewVersion() throws IOException {
        try (Stream<Path> docs = Files.list(DOCS)) {
            for (Path doc : docs.toList()) {
                Files.copy(doc, FOLDER.resolve(doc.getFileName()));
            }
        }
        Awaitility.await()
                .atMost(WAIT)
                .untilAsserted(() -> given().get("/flow-files")
                        .then()
                        .body("find { it.file == 'boiler-alarm.yaml' }.version", equalTo(1))
                        .body("find { it.file == 'on-demand-stats.yaml' }.version", equalTo(1))
                        .body("errors", everyItem(nullValue())));
        given().get("/flows/boiler-alarm")
                .then()
                .statusCode(200)
                .body("origin", equalTo("file:boiler-alarm.yaml"))
                .body("triggers[0].filter", equalTo("event.data.metrics.temperature > 70"));

        // The file owns the flow: the API cannot change or delete it.
        Map<String, Object> spec = new HashMap<>(
                given().get("/flows/boiler-alarm").then().extract().jsonPath().getMap(""));
        spec.keySet().removeAll(Set.of("id", "version", "origin", "createdAt", "updatedAt"));
        given().contentType(ContentType.JSON)
                .body(spec)
                .put("/flows/boiler-alarm")
                .then()
                .statusCode(409)
                .body("detail", containsString("managed by file:boiler-alarm.yaml"));
        given().delete("/flows/boiler-alarm").then().statusCode(409).body("detail", containsString("file:"));

        Path file = FOLDER.resolve("boiler-alarm.yaml");
        Files.writeString(file, Files.readString(file).replace("very hot", "very, very hot"));
        Awaitility.await()
                .atMost(WAIT)
                .untilAsserted(() -> given().get("/flows/boiler-alarm").then().body("version", equalTo(2)));

        Files.delete(file);
        Awaitility.await()
                .atMost(WAIT)
                .untilAsserted(() -> given().get("/flows/boiler-alarm").then().statusCode(404));
    }

    @Test
    void anInvalidFileIsReportedAndLeavesItsFlowAsItWas() throws IOException {
        Path file = FOLDER.resolve("sensor.yml");
        Files.writeString(file, "name: folder-sensor\ntasks:\n  - name: a\n    type: window-stats\n");
        Awaitility.await()
                .atMost(WAIT)
                .untilAsserted(() -> given().get("/flows/folder-sensor").then().statusCode(200));

        Files.writeString(file, "name: folder-sensor\ntasks:\n  - name: a\n    type: nope\n");
        Awaitility.await()
                .atMost(WAIT)
                .untilAsserted(() -> given().get("/flow-files")
                        .then()
                        .body("find { it.file == 'sensor.yml' }.errors.field", hasItem("tasks[0].type")));
        given().get("/flows/folder-sensor").then().statusCode(200).body("version", equalTo(1));

        Files.writeString(file, "name: folder-sensor\ntasks: [oops\n");
        Awaitility.await()
                .atMost(WAIT)
                .untilAsserted(() -> given().get("/flow-files")
                        .then()
                        .body("find { it.file == 'sensor.yml' }.errors[0].message", notNullValue()));
        given().get("/flows/folder-sensor").then().statusCode(200).body("version", equalTo(1));
    }
}
