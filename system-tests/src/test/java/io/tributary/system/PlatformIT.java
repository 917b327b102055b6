package io.tributary.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.tributary.contract.Topics;
import io.tributary.contract.dlq.DeadLetter;
import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.EventData;
import io.tributary.contract.json.Json;
import io.tributary.devstack.infra.JsonHttpServer;
import io.tributary.devstack.infra.MqttPublisher;
import io.tributary.devstack.infra.StackLogging;
import io.tributary.devstack.stack.Stack;
import io.tributary.devstack.stack.StackPorts;
import io.tributary.devstack.testing.Records;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drives the whole platform like a user, on the stack the run command starts (services as separate JVMs, real
 * Kafka, MQTT broker and PostgreSQL): devices publish readings over MQTT, a flow registered over HTTP runs once per
 * reading, and the results on tributary.results carry the statistics this test computes itself. Any service taken
 * out of the path breaks one of the assertions: no events (ingest-iot), no runs (orchestrator), no results or no
 * completion (analytics), no record events (ingest-api, ingest-stream).
 */
class PlatformIT {
    private static final int DEVICES = 3;
    private static final int READINGS = 8;
    private static final int WINDOW_SECONDS = 30;
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static Stack stack;
    private static JsonHttpServer weatherApi;
    private static KafkaCompanion kafka;
    private static MqttPublisher devices;

    @BeforeAll
    static void startPlatform() throws IOException {
        StackLogging.configure();
        // Traversable by others: as root, PostgreSQL runs as the postgres user and must reach its data directory.
        Path dataDir = Files.createTempDirectory(
                "tributary-system", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        StackPorts ports = StackPorts.free();
        weatherApi = new JsonHttpServer(
                ports.demoApi(), "/api/weather", () -> "[{\"station\":\"sys-station\",\"temp\":2.5}]");
        stack = Stack.start(
                Path.of(System.getProperty("tributary.root", "..")),
                dataDir,
                ports,
                false,
                Map.of("ingest-api", Map.of("tributary.api.interval", "1s")));
        kafka = new KafkaCompanion(stack.kafkaBootstrapServers());
        devices = new MqttPublisher("127.0.0.1", stack.mqttPort(), "system-test-devices");
    }

    @AfterAll
    static void stopPlatform() {
        if (devices != null) {
            devices.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (stack != null) {
            stack.close();
        }
        if (weatherApi != null) {
            weatherApi.close();
        }
    }

    @Test
    void readingsFlowFromDevicesThroughRunsToResults() {
        String orchestrator = stack.orchestratorUrl();
        String flowId = given().baseUri(orchestrator)
                .contentType(ContentType.JSON)
                .body(Json.write(Map.of(
                        "name", "system-test-stats",
                        "trigger",
                                Map.of("type", "io.tributary.measurement.v1", "source", "/iot/*", "subject", "sys-*"),
                        "task",
                                Map.of(
                                        "type",
                                        "window-stats",
                                        "parameters",
                                        Map.of("metric", "temperature", "windowSeconds", WINDOW_SECONDS),
                                        "timeoutSeconds",
                                        60))))
                .post("/flows")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics(Topics.EVENTS);
        ConsumerTask<String, String> results = kafka.consumeStrings().fromTopics(Topics.RESULTS);
        ConsumerTask<String, String> dlq = kafka.consumeStrings().fromTopics(Topics.EVENTS_DLQ);
        awaitMqttSubscription(events);

        // Readings five seconds apart in event time: a 30 s window holds up to six of them.
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(10));
        Map<String, List<Reading>> sent = new HashMap<>();
        for (int i = 0; i < READINGS; i++) {
            for (int d = 0; d < DEVICES; d++) {
                String device = "sys-dev-" + d;
                Reading reading = new Reading(t0.plusSeconds(5L * i), 20 + d * 10 + ((i * 7 + d * 3) % 11) * 0.5);
                sent.computeIfAbsent(device, k -> new ArrayList<>()).add(reading);
                devices.publish(
                        "tributary/" + device + "/telemetry",
                        String.format(
                                Locale.ROOT, "{\"temperature\": %s, \"ts\": \"%s\"}", reading.value(), reading.time()));
            }
        }
        String garbled = "{\"temperature\": 21.4, \"ts\": ";
        devices.publish("tributary/sys-dev-0/telemetry", garbled);
        kafka.produceStrings()
                .fromRecords(new ProducerRecord<>(
                        Stack.UPSTREAM_TOPIC, "sys-order", "{\"orderId\":\"sys-order\",\"amount\":42.0}"))
                .awaitCompletion();

        // N events on the bus with the contract's CloudEvents attributes.
        for (int d = 0; d < DEVICES; d++) {
            String device = "sys-dev-" + d;
            List<ConsumerRecord<String, String>> deviceEvents =
                    Records.await(events, "/iot/devices|" + device, READINGS);
            assertEquals(READINGS, deviceEvents.size());
            for (int i = 0; i < READINGS; i++) {
                ConsumerRecord<String, String> event = deviceEvents.get(i);
                assertEquals("1.0", Records.header(event, "ce_specversion"));
                assertEquals("io.tributary.measurement.v1", Records.header(event, "ce_type"));
                assertEquals("/iot/devices", Records.header(event, "ce_source"));
                assertEquals(device, Records.header(event, "ce_subject"));
                assertEquals(sent.get(device).get(i).time(), Instant.parse(Records.header(event, "ce_time")));
                assertEquals(
                        sent.get(device).get(i).value(),
                        Json.read(event.value(), EventData.class).metrics().get("temperature"));
            }
        }
        // The other two ingest services reach the bus too.
        Records.await(events, "/api/weather|sys-station", 1);
        Records.await(events, "/stream/orders|sys-order", 1);

        // One COMPLETED run per matching event, visible over HTTP.
        int expectedRuns = DEVICES * READINGS;
        Awaitility.await().atMost(WAIT).untilAsserted(() -> {
            List<String> states = given().baseUri(orchestrator)
                    .queryParam("flow", flowId)
                    .queryParam("limit", 500)
                    .get("/runs")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("state.type");
            assertEquals(expectedRuns, states.size(), "runs: " + states);
            assertEquals(Set.of("COMPLETED"), Set.copyOf(states));
        });
        JsonPath runs = given().baseUri(orchestrator)
                .queryParam("flow", flowId)
                .queryParam("limit", 500)
                .get("/runs")
                .then()
                .extract()
                .jsonPath();
        Set<String> runIds = Set.copyOf(runs.getList("id"));
        JsonPath oneRun = given().baseUri(orchestrator)
                .get("/runs/{id}", runs.getString("[0].id"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> flowStates = oneRun.getList("history.findAll { it.taskRunId == null }.state.type");
        assertEquals(List.of("SCHEDULED", "PENDING", "RUNNING", "COMPLETED"), flowStates);

        // One result per run, whose statistics are those of the device's readings in (t - window, t].
        List<ConsumerRecord<String, String>> ours = Awaitility.await()
                .atMost(WAIT)
                .until(
                        () -> results.getRecords().stream()
                                .filter(r -> runIds.contains(Records.header(r, "ce_flowrunid")))
                                .toList(),
                        list -> list.size() >= expectedRuns);
        assertEquals(expectedRuns, ours.size());
        for (ConsumerRecord<String, String> result : ours) {
            assertEquals("io.tributary.result.v1", Records.header(result, "ce_type"));
            String device = Records.header(result, "ce_subject").substring("/iot/devices|".length());
            JsonNode stats = Json.read(result.value(), JsonNode.class);
            Instant end = Instant.parse(stats.get("windowEnd").asText());
            List<Double> window = sent.get(device).stream()
                    .filter(r -> r.time().isAfter(end.minusSeconds(WINDOW_SECONDS))
                            && !r.time().isAfter(end))
                    .map(Reading::value)
                    .toList();
            assertTrue(!window.isEmpty(), "a result whose window end is no reading's time: " + end);
            double mean = window.stream().mapToDouble(Double::doubleValue).sum() / window.size();
            double squares =
                    window.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
            double stddev = window.size() > 1 ? Math.sqrt(squares / (window.size() - 1)) : 0.0;
            assertEquals(window.size(), stats.get("count").asInt(), "count for " + device + " at " + end);
            assertEquals(mean, stats.get("mean").asDouble(), 1e-9);
            assertEquals(
                    window.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                    stats.get("min").asDouble());
            assertEquals(
                    window.stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
                    stats.get("max").asDouble());
            assertEquals(stddev, stats.get("stddev").asDouble(), 1e-9);
        }
        Map<String, Long> resultsPerDevice = ours.stream()
                .collect(Collectors.groupingBy(r -> Records.header(r, "ce_subject"), Collectors.counting()));
        assertEquals(DEVICES, resultsPerDevice.size());

        // The garbled payload is dead-lettered with its reason, and the good readings above still completed.
        DeadLetter letter = Records.await(dlq, "/iot/devices", 1).stream()
                .map(r -> Json.read(r.value(), DeadLetter.class))
                .filter(l -> garbled.equals(l.raw()))
                .findFirst()
                .orElseThrow();
        assertEquals(DeadLetterReason.MALFORMED_PAYLOAD, letter.reason());
        assertEquals("mqtt:tributary/sys-dev-0/telemetry", letter.origin());
    }

    /** Until ingest-iot's subscription is in place the broker drops readings; a probe device shows when it is. */
    private static void awaitMqttSubscription(ConsumerTask<String, String> events) {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            devices.publish("tributary/probe/telemetry", "{\"temperature\": 0}");
            return events.getRecords().stream().anyMatch(r -> "/iot/devices|probe".equals(r.key()));
        });
    }

    private record Reading(Instant time, double value) {}
}
