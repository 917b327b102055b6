package io.tributary.analytics.result;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.tributary.contract.Topics;
import io.tributary.contract.event.EventData;
import io.tributary.contract.event.EventTypes;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.json.Json;
import io.tributary.contract.task.TaskInput;
import io.tributary.contract.task.TaskMessage;
import io.tributary.contract.task.TaskStatus;
import io.tributary.contract.task.TaskUpdate;
import io.tributary.devstack.testing.CloudEventRecords;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.Records;
import io.tributary.devstack.testing.SharedInfrastructure;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttClient;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Real Kafka and MQTT: a result goes out on Kafka with its window in CloudEvent extensions, on MQTT under the flow and
 * subject, and stays visible over HTTP with the window it came from; a task message delivered twice publishes once.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MqttResultsTestResource.class)
class ResultChannelsTest {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 4, 1, 8, 0, 0, 0, ZoneOffset.UTC);
    private final KafkaCompanion kafka = SharedInfrastructure.companion();

    @Inject
    Vertx vertx;

    @Test
    void aResultGoesToKafkaMqttAndHttpWithItsWindow() throws Exception {
        String device = "boiler-" + UUID.randomUUID();
        List<String> mqtt = subscribe("tributary/results/boiler-stats/" + device);
        ConsumerTask<String, String> results = kafka.consumeStrings().fromTopics(Topics.RESULTS);
        NormalizedEvent trigger = null;
        for (int i = 0; i < 4; i++) {
            trigger = event(device, i, 70 + i);
            kafka.produceStrings().fromRecords(CloudEventRecords.of(trigger)).awaitCompletion();
        }
        TaskMessage task = task(trigger, "boiler-stats", Map.of("metric", "temperature", "windowSeconds", 60));
        send(task);

        ConsumerRecord<String, String> result =
                Records.await(results, trigger.seriesKey(), 1).get(0);
        assertEquals(T0.minusSeconds(57).toInstant().toString(), Records.header(result, "ce_windowstart"));
        assertEquals(T0.plusSeconds(3).toInstant().toString(), Records.header(result, "ce_windowend"));
        assertEquals("4", Records.header(result, "ce_inputcount"));
        Awaitility.await().atMost(Records.WAIT).until(() -> !mqtt.isEmpty());
        assertEquals(result.value(), mqtt.get(0), "MQTT carries the same result");

        given().queryParam("flow", "boiler-stats")
                .queryParam("subject", trigger.seriesKey())
                .get("/results")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].id", equalTo(task.taskRunId() + ":1"))
                .body("[0].result.count", equalTo(4))
                .body("[0].result.mean", equalTo(71.5f));
        given().urlEncodingEnabled(false)
                .get("/series/" + URLEncoder.encode(trigger.seriesKey(), StandardCharsets.UTF_8) + "?samples=2")
                .then()
                .statusCode(200)
                .body("samples", equalTo(4))
                .body("stats.temperature.count", equalTo(4))
                .body("stats.temperature.max", equalTo(73.0f))
                .body("recent", hasSize(2))
                .body("recent[1].metrics.temperature", equalTo(73.0f));
        given().get("/series").then().statusCode(200).body("series.key", hasItem(trigger.seriesKey()));
    }

    @Test
    void errorsAreProblemDetails() {
        given().get("/series/nothing-here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tributary.io/problems/not-found"))
                .body("detail", containsString("nothing-here"));
        given().queryParam("limit", 0)
                .get("/results")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("'limit'"));
    }

    @Test
    void aTaskMessageDeliveredTwicePublishesOneResult() {
        String device = "meter-" + UUID.randomUUID();
        NormalizedEvent trigger = event(device, 0, 5);
        kafka.produceStrings().fromRecords(CloudEventRecords.of(trigger)).awaitCompletion();
        ConsumerTask<String, String> results = kafka.consumeStrings().fromTopics(Topics.RESULTS);
        ConsumerTask<String, String> updates = kafka.consumeStrings().fromTopics(Topics.TASK_UPDATES);
        TaskMessage task = task(trigger, "meters", Map.of("metric", "temperature", "windowSeconds", 10));
        send(task);
        send(task);
        // The same series' next task comes after both copies in its partition: once its result is out, so is theirs.
        TaskMessage marker = task(trigger, "meters", Map.of("metric", "temperature", "windowPoints", 1));
        send(marker);

        Awaitility.await()
                .atMost(Records.WAIT)
                .until(() -> results.getRecords().stream()
                        .anyMatch(r -> (marker.taskRunId() + ":1").equals(Records.header(r, "ce_id"))));
        long copies = results.getRecords().stream()
                .filter(r -> (task.taskRunId() + ":1").equals(Records.header(r, "ce_id")))
                .count();
        assertEquals(1, copies, "one result for the attempt");
        long completed = updates.getRecords().stream()
                .map(r -> Json.read(r.value(), TaskUpdate.class))
                .filter(u -> u.taskRunId().equals(task.taskRunId()) && u.status() == TaskStatus.COMPLETED)
                .count();
        assertEquals(1, completed);
    }

    private List<String> subscribe(String topic) throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        MqttClient client = MqttClient.create(vertx);
        client.publishHandler(message -> received.add(message.payload().toString(StandardCharsets.UTF_8)));
        client.connect(MqttResultsTestResource.port(), "127.0.0.1")
                .compose(connected -> client.subscribe(topic, MqttQoS.AT_LEAST_ONCE.value()))
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        return received;
    }

    private static NormalizedEvent event(String device, int second, double temperature) {
        return new NormalizedEvent(
                UUID.randomUUID().toString(),
                URI.create("/iot/plant"),
                EventTypes.MEASUREMENT,
                device,
                T0.plusSeconds(second),
                new EventData(Map.of("temperature", temperature), Map.of(), null));
    }

    private static TaskMessage task(NormalizedEvent trigger, String flow, Map<String, Object> parameters) {
        return new TaskMessage(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "stats",
                "window-stats",
                parameters,
                new TaskInput(trigger.seriesKey(), List.of(trigger)),
                1,
                Duration.ofSeconds(60),
                null,
                null,
                flow);
    }

    private void send(TaskMessage task) {
        kafka.produceStrings()
                .fromRecords(new ProducerRecord<>(Topics.TASKS, task.input().seriesKey(), Json.write(task)))
                .awaitCompletion();
    }
}
