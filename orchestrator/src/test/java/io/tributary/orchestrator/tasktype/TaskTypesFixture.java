package io.tributary.orchestrator.tasktype;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.contract.Topics;
import io.tributary.contract.json.Json;
import io.tributary.contract.task.TaskType;
import io.tributary.devstack.testing.SharedInfrastructure;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;

/**
 * The catalogue of task types the orchestrator's tests name, published as an executor would: these tests play the
 * executor. {@code window-stats} and {@code threshold} take any parameters; {@code test-typed} wants an integer
 * {@code n} ≥ 1.
 */
public final class TaskTypesFixture {
    public static final String TYPED = "test-typed";
    private static final List<TaskType> TYPES = List.of(
            new TaskType(
                    "window-stats",
                    "any parameters",
                    Json.MAPPER.createObjectNode().put("type", "object")),
            new TaskType(
                    "threshold",
                    "any parameters",
                    Json.MAPPER.createObjectNode().put("type", "object")),
            new TaskType(
                    TYPED,
                    "an integer n of at least 1",
                    Json.read(
                            "{\"type\":\"object\",\"required\":[\"n\"],\"additionalProperties\":false,"
                                    + "\"properties\":{\"n\":{\"type\":\"integer\",\"minimum\":1}}}",
                            JsonNode.class)));
    private static volatile boolean published;

    private TaskTypesFixture() {}

    /**
     * Publishes the types once per test JVM, and waits until the orchestrator has read them: each time, since a test
     * profile restarts the orchestrator, which then reads the topic again from its start.
     */
    public static void ensurePublished() {
        if (!published) {
            SharedInfrastructure.companion()
                    .produceStrings()
                    .fromRecords(TYPES.stream()
                            .map(type -> new ProducerRecord<>(Topics.TASK_TYPES, type.type(), Json.write(type)))
                            .toList())
                    .awaitCompletion();
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/task-types")
                        .then()
                        .statusCode(200)
                        .body(
                                "type",
                                hasItems(TYPES.stream().map(TaskType::type).toArray(String[]::new))));
        published = true;
    }
}
