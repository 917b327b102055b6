package io.tributary.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.tributary.contract.Topics;
import io.tributary.contract.dlq.DeadLetter;
import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.EventData;
import io.tributary.contract.json.Json;
import io.tributary.devstack.demo.WeatherFeed;
import io.tributary.devstack.infra.JsonHttpServer;
import io.tributary.devstack.infra.MqttPublisher;
import io.tributary.devstack.infra.StackLogging;
import io.tributary.devstack.infra.TemporaryDirectory;
import io.tributary.devstack.stack.ApiKeys;
import io.tributary.devstack.stack.ServiceProcess;
import io.tributary.devstack.stack.Stack;
import io.tributary.devstack.stack.StackPorts;
import io.tributary.devstack.testing.Records;
import io.tributary.devstack.testing.Resources;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * out of the path breaks an assertion: no events (ingest-iot), no runs (orchestrator), no results or no completion
 * (analytics), no record events (ingest-api, ingest-stream).
 */
class PlatformIT {
    private static final int WINDOW_SECONDS = 30;
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Duration READY = Duration.ofSeconds(120);

    /** An endpoint of each service's API that a viewer may read. */
    private static final Map<String, String> A_READ = Map.of(
            "orchestrator", "/runs",
            "analytics", "/series",
            "ingest-iot", "/devices",
            "ingest-api", "/sources",
            "ingest-stream", "/sources");

    private static TemporaryDirectory dataDir;
    private static Stack stack;
    private static JsonHttpServer weatherApi;
    private static KafkaCompanion kafka;
    private static MqttPublisher devices;
    private static OtlpReceiver traces;

    @BeforeAll
    static void startPlatform() {
        StackLogging.configure();
        dataDir = new TemporaryDirectory("tributary-system");
        StackPorts ports = StackPorts.free();
        weatherApi = new JsonHttpServer(
                ports.demoApi(),
                WeatherFeed.PATH,
                () -> "{\"readings\":[{\"station\":\"sys-station\",\"temp\":2.5}],\"next_cursor\":null}");
        traces = new OtlpReceiver();
        Map<String, Map<String, String>> config = new LinkedHashMap<>();
        for (String service : List.of("ingest-iot", "ingest-api", "ingest-stream", "orchestrator", "analytics")) {
            config.put(service, new LinkedHashMap<>(tracedTo(traces)));
        }
        config.get("ingest-api")
                .putAll(Map.of(
                        "tributary.api.sources." + WeatherFeed.SOURCE + ".poll.every",
                        "1s",
                        // A dead replica's sources are taken over within seconds, not a minute.
                        "tributary.api.lease-duration",
                        "PT5S"));
        stack = Stack.start(Path.of(System.getProperty("tributary.root", "..")), dataDir.path(), ports, false, config);
        // The services run as in production, authentication on: every call carries the stack's admin key.
        RestAssured.requestSpecification = new RequestSpecBuilder()
                .addHeader(ApiKeys.HEADER, stack.apiKey())
                .build();
        kafka = new KafkaCompanion(stack.kafkaBootstrapServers());
        devices = new MqttPublisher("127.0.0.1", stack.mqttPort(), "system-test-devices");
    }

    @AfterAll
    static void stopPlatform() {
        RestAssured.reset();
        Resources.closeAll(devices, kafka, stack, weatherApi, dataDir, traces);
    }

    /** Tracing on, exported over OTLP/HTTP to the receiver in this JVM, as a deployment exports to its collector. */
    private static Map<String, String> tracedTo(OtlpReceiver receiver) {
        return Map.of(
                "quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.exporter.otlp.traces.endpoint", receiver.endpoint(),
                "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                "quarkus.otel.bsp.schedule.delay", "PT0.2S");
    }

    @Test
    void oneTraceRunsFromTheReadingToItsResultAcrossTheServices() {
        StatsFlows.register(
                stack.orchestratorUrl(),
                "system-test-traced",
                "traced-*",
                WINDOW_SECONDS,
                Map.of("timeoutSeconds", 120));
        MqttProbe.awaitSubscription(devices, kafka.consumeStrings().fromTopics(Topics.EVENTS), WAIT);
        ConsumerTask<String, String> results = kafka.consumeStrings().fromTopics(Topics.RESULTS);

        devices.publish("tributary/traced-dev/telemetry", "{\"temperature\": 20.5}");

        ConsumerRecord<String, String> result = Awaitility.await()
                .atMost(WAIT)
                .until(
                        () -> results.getRecords().stream()
                                .filter(r -> "/iot/devices|traced-dev".equals(r.key()))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        String traceparent = Records.header(result, "traceparent");
        String traceId = traceparent.split("-")[1];
        String resultSpanId = traceparent.split("-")[2];
        // MQTT 3.1.1 carries no trace: the reading's span in ingest-iot is the root, and the result's publish span in
        // analytics is in its trace, two Kafka hops and the orchestrator's database later.
        Awaitility.await().atMost(WAIT).untilAsserted(() -> {
            List<OtlpReceiver.ReceivedSpan> trace = traces.spans().stream()
                    .filter(span -> span.traceId().equals(traceId))
                    .toList();
            OtlpReceiver.ReceivedSpan reading = trace.stream()
                    .filter(span -> span.service().equals("ingest-iot")
                            && span.name().equals("process tributary/{device}/telemetry"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no ingest span in the result's trace: " + trace));
            assertEquals("", reading.parentSpanId(), "the reading's span is the root of the trace");
            OtlpReceiver.ReceivedSpan published = trace.stream()
                    .filter(span -> span.spanId().equals(resultSpanId))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the result's span was not exported: " + trace));
            assertEquals("analytics", published.service());
            assertEquals("publish " + Topics.RESULTS, published.name());
            assertEquals(
                    Set.of("ingest-iot", "orchestrator", "analytics"),
                    Set.copyOf(trace.stream()
                            .map(OtlpReceiver.ReceivedSpan::service)
                            .toList()));
            for (String name : List.of(
                    "publish " + Topics.EVENTS,
                    "process " + Topics.EVENTS,
                    "start run",
                    "publish " + Topics.TASKS,
                    "process " + Topics.TASKS)) {
                assertEquals(true, trace.stream().anyMatch(span -> span.name().equals(name)), name + " in " + trace);
            }
        });
    }

    /**
     * The packaged services as deployed: an API call without credentials is refused with a problem, and health is
     * answered on the management port, not the API's.
     */
    @Test
    void theApiWantsCredentialsAndHealthIsOnTheManagementPort() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (ServiceProcess service : stack.services().values()) {
            HttpResponse<String> anonymous = http.send(
                    HttpRequest.newBuilder(URI.create(
                                    service.url() + A_READ.get(service.name().replaceFirst("-\\d+$", ""))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, anonymous.statusCode(), service.name() + ": " + anonymous.body());
            assertEquals(
                    "application/problem+json",
                    anonymous.headers().firstValue("Content-Type").orElse(""),
                    service.name());
            HttpResponse<String> healthOnApiPort = http.send(
                    HttpRequest.newBuilder(URI.create(service.url() + "/q/health/ready"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, healthOnApiPort.statusCode(), service.name());
            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(URI.create(service.managementUrl() + "/q/health/ready"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), service.name() + ": " + health.body());
        }
    }

    @Test
    void readingsFlowFromDevicesThroughRunsToResults() {
        String flowId = StatsFlows.register(
                stack.orchestratorUrl(), "system-test-stats", "sys-*", WINDOW_SECONDS, Map.of("timeoutSeconds", 120));
        ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics(Topics.EVENTS);
        ConsumerTask<String, String> dlq = kafka.consumeStrings().fromTopics(Topics.EVENTS_DLQ);
        MqttProbe.awaitSubscription(devices, events, WAIT);

        Map<String, List<Reading>> sent = publishReadings("sys-dev-", 3, 8);
        String garbled = "{\"temperature\": 21.4, \"ts\": ";
        devices.publish("tributary/sys-dev-0/telemetry", garbled);
        kafka.produceStrings()
                .fromRecords(new ProducerRecord<>(
                        Stack.UPSTREAM_TOPIC, "sys-order", "{\"orderId\":\"sys-order\",\"amount\":42.0}"))
                .awaitCompletion();

        // Every reading is on the bus once, with the contract's CloudEvents attributes.
        sent.forEach((device, readings) -> {
            List<ConsumerRecord<String, String>> deviceEvents =
                    Records.await(events, "/iot/devices|" + device, readings.size());
            assertEquals(readings.size(), deviceEvents.size());
            for (int i = 0; i < readings.size(); i++) {
                ConsumerRecord<String, String> event = deviceEvents.get(i);
                assertEquals("1.0", Records.header(event, "ce_specversion"));
                assertEquals("io.tributary.measurement.v1", Records.header(event, "ce_type"));
                assertEquals("/iot/devices", Records.header(event, "ce_source"));
                assertEquals(device, Records.header(event, "ce_subject"));
                assertEquals(readings.get(i).time(), Instant.parse(Records.header(event, "ce_time")));
                assertEquals(
                        readings.get(i).value(),
                        Json.read(event.value(), EventData.class).metrics().get("temperature"));
            }
        });
        // The other two ingest services reach the bus too.
        Records.await(events, "/api/weather|sys-station", 1);
        Records.await(events, "/stream/orders|sys-order", 1);

        Set<String> runIds = awaitCompletedRuns(flowId, 24);
        JsonPath oneRun = given().baseUri(stack.orchestratorUrl())
                .get("/runs/{id}", runIds.iterator().next())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(
                List.of("SCHEDULED", "PENDING", "RUNNING", "COMPLETED"),
                oneRun.getList("history.findAll { it.taskRunId == null }.state.type"));
        assertStatistics(awaitResults(runIds), sent);

        // The garbled payload is dead-lettered with its reason, and the good readings above still completed.
        DeadLetter letter = Records.await(dlq, "/iot/devices", 1).stream()
                .map(r -> Json.read(r.value(), DeadLetter.class))
                .filter(l -> garbled.equals(l.raw()))
                .findFirst()
                .orElseThrow();
        assertEquals(DeadLetterReason.MALFORMED_PAYLOAD, letter.reason());
        assertEquals("mqtt:tributary/sys-dev-0/telemetry", letter.origin());
    }

    @Test
    void readingsSentWhileIngestAndAnalyticsAreDownAreNotLost() {
        String flowId = StatsFlows.register(
                stack.orchestratorUrl(),
                "system-test-restart",
                "restart-*",
                WINDOW_SECONDS,
                Map.of("timeoutSeconds", 120));
        MqttProbe.awaitSubscription(devices, kafka.consumeStrings().fromTopics(Topics.EVENTS), WAIT);
        ServiceProcess ingest = stack.services().get("ingest-iot");
        ServiceProcess analytics = stack.services().get("analytics");
        ingest.stop();
        analytics.stop();

        // The MQTT broker queues these for ingest-iot's persistent session; their tasks wait in Kafka for analytics.
        Map<String, List<Reading>> sent = publishReadings("restart-dev-", 2, 5);
        ingest.start();
        ingest.awaitReady(READY);
        // Runs are created (and their tasks dispatched) while analytics is still down.
        Awaitility.await().atMost(WAIT).until(() -> runsOf(flowId).getList("id").size() == 10);
        analytics.start();
        analytics.awaitReady(READY);

        assertStatistics(awaitResults(awaitCompletedRuns(flowId, 10)), sent);
    }

    @Test
    void anApiSourceIsPolledByOneReplicaAtATimeAndTakenOverWhenItStopsOrDies() {
        ServiceProcess first = stack.services().get("ingest-api");
        ServiceProcess second = stack.startReplica("ingest-api");
        Awaitility.await().atMost(WAIT).until(() -> {
            String leaseOfFirst = lease(first);
            String leaseOfSecond = lease(second);
            return "HELD".equals(leaseOfFirst) && "ELSEWHERE".equals(leaseOfSecond)
                    || "ELSEWHERE".equals(leaseOfFirst) && "HELD".equals(leaseOfSecond);
        });
        ServiceProcess holder = "HELD".equals(lease(first)) ? first : second;
        ServiceProcess other = holder == first ? second : first;

        // Stopped: it releases its lease at shutdown (else the lease expires), and the other replica polls at its next
        // tick.
        holder.stop();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "HELD".equals(lease(other)));
        holder.start();
        holder.awaitReady(READY);

        // Killed: its lease expires (5 s here), and a replica polls on from the stored state.
        Instant killed = Instant.now();
        other.kill();
        // The killed one answers nothing until it is restarted: a refused connection is not yet an answer.
        Awaitility.await()
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> pollsSince(first, killed) || pollsSince(second, killed));
        other.awaitReady(READY);
    }

    private static String lease(ServiceProcess ingestApi) {
        return weatherStatus(ingestApi).getString("lease");
    }

    private static boolean pollsSince(ServiceProcess ingestApi, Instant since) {
        JsonPath weather = weatherStatus(ingestApi);
        String lastSuccess = weather.getString("lastSuccess");
        return "HELD".equals(weather.getString("lease"))
                && lastSuccess != null
                && Instant.parse(lastSuccess).isAfter(since);
    }

    private static JsonPath weatherStatus(ServiceProcess ingestApi) {
        List<Map<String, Object>> sources = given().baseUri(ingestApi.url())
                .get("/sources")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        return new JsonPath(Json.write(sources.stream()
                .filter(source -> WeatherFeed.SOURCE.equals(source.get("name")))
                .findFirst()
                .orElseThrow()));
    }

    /** Readings five seconds apart in event time, so a 30 s window holds up to six of them. */
    private static Map<String, List<Reading>> publishReadings(String devicePrefix, int deviceCount, int count) {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(10));
        Map<String, List<Reading>> sent = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            for (int d = 0; d < deviceCount; d++) {
                String device = devicePrefix + d;
                Reading reading = new Reading(t0.plusSeconds(5L * i), 20 + d * 10 + ((i * 7 + d * 3) % 11) * 0.5);
                sent.computeIfAbsent(device, k -> new ArrayList<>()).add(reading);
                devices.publish(
                        "tributary/" + device + "/telemetry",
                        String.format(
                                Locale.ROOT, "{\"temperature\": %s, \"ts\": \"%s\"}", reading.value(), reading.time()));
            }
        }
        return sent;
    }

    private static JsonPath runsOf(String flowId) {
        return given().baseUri(stack.orchestratorUrl())
                .queryParam("flow", flowId)
                .queryParam("limit", 500)
                .get("/runs")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .setRootPath("items");
    }

    /** Waits until the flow has exactly n runs, all COMPLETED, as a user sees them over HTTP. */
    private static Set<String> awaitCompletedRuns(String flowId, int n) {
        Awaitility.await().atMost(WAIT).untilAsserted(() -> {
            List<String> states = runsOf(flowId).getList("state.type");
            assertEquals(n, states.size(), "runs: " + states);
            assertEquals(Set.of("COMPLETED"), Set.copyOf(states));
        });
        return Set.copyOf(runsOf(flowId).getList("id"));
    }

    /** One result per run on tributary.results, read as any subscriber would. */
    private static List<ConsumerRecord<String, String>> awaitResults(Set<String> runIds) {
        ConsumerTask<String, String> results = kafka.consumeStrings().fromTopics(Topics.RESULTS);
        List<ConsumerRecord<String, String>> ours = Awaitility.await()
                .atMost(WAIT)
                .until(
                        () -> results.getRecords().stream()
                                .filter(r -> runIds.contains(Records.header(r, "ce_flowrunid")))
                                .toList(),
                        list -> list.size() >= runIds.size());
        assertEquals(runIds.size(), ours.size());
        return ours;
    }

    /** Each result holds the statistics of its device's readings with event time in (end - window, end]. */
    private static void assertStatistics(
            List<ConsumerRecord<String, String>> results, Map<String, List<Reading>> sent) {
        for (ConsumerRecord<String, String> result : results) {
            assertEquals("io.tributary.result.v1", Records.header(result, "ce_type"));
            String device = Records.header(result, "ce_subject").substring("/iot/devices|".length());
            JsonNode stats = Json.read(result.value(), JsonNode.class);
            Instant end = Instant.parse(stats.get("windowEnd").asText());
            List<Double> window = sent.get(device).stream()
                    .filter(r -> r.time().isAfter(end.minusSeconds(WINDOW_SECONDS))
                            && !r.time().isAfter(end))
                    .map(Reading::value)
                    .toList();
            assertFalse(window.isEmpty(), "a result whose window end is no reading's time: " + end);
            double mean = window.stream().mapToDouble(Double::doubleValue).sum() / window.size();
            double squares =
                    window.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
            double stddev = window.size() > 1 ? Math.sqrt(squares / (window.size() - 1)) : 0.0;
            String at = device + " at " + end;
            assertEquals(window.size(), stats.get("count").asInt(), "count for " + at);
            assertEquals(mean, stats.get("mean").asDouble(), 1e-9, "mean for " + at);
            assertEquals(
                    window.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                    stats.get("min").asDouble());
            assertEquals(
                    window.stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
                    stats.get("max").asDouble());
            assertEquals(stddev, stats.get("stddev").asDouble(), 1e-9, "stddev for " + at);
        }
        assertEquals(
                sent.keySet(),
                Set.copyOf(results.stream()
                        .map(r -> Records.header(r, "ce_subject").substring("/iot/devices|".length()))
                        .toList()));
    }

    private record Reading(Instant time, double value) {}
}
