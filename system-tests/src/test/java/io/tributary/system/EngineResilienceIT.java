package io.tributary.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.tributary.contract.Topics;
import io.tributary.contract.json.Json;
import io.tributary.contract.run.RunChange;
import io.tributary.contract.run.StateType;
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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The run engine under failure and scale-out, on the stack the run command starts (services as separate JVMs, real
 * Kafka, MQTT broker and PostgreSQL): readings keep streaming in over MQTT while the orchestrator, then analytics,
 * are killed with SIGKILL (no graceful shutdown: in-flight transactions, polls and task attempts are lost) and
 * brought back by the stack's supervisor; and while a second orchestrator replica joins and works side by side with
 * the first. Either way each reading must end in exactly one run, and every run COMPLETED: none lost, none doubled.
 * And an orchestrator that is down longer than a proactive trigger's window, while devices go on talking, must not
 * take their readings waiting in the topic for silence once it is back.
 *
 * <p>Runs are read from {@code tributary.runs} (every state change is published there), each run's triggering event
 * from the orchestrator's API ({@code GET /runs/{id}}, field {@code eventId}), and the readings' events from
 * {@code tributary.events}.
 */
class EngineResilienceIT {
    private static final Logger LOG = Logger.getLogger(EngineResilienceIT.class);
    private static final Duration WAIT = Duration.ofMinutes(5);
    /** A task lost with a killed analytics retries; so does one that timed out while analytics restarted. */
    private static final Map<String, Object> RETRIED =
            Map.of("timeoutSeconds", 60, "retries", Map.of("maxRetries", 3, "delaySeconds", 1));

    private static final Duration READY = Duration.ofSeconds(120);
    private static final int DEVICES = 100;
    private static final int READINGS = 1000;
    /** Readings per second: slow enough that the stream outlasts a service's restart. */
    private static final int RATE = 25;
    /** The proactive trigger's window; the orchestrator's outage lasts twice as long. */
    private static final int SILENCE_SECONDS = 10;
    /** Devices that keep talking through the outage. */
    private static final int TALKERS = 4;

    private static TemporaryDirectory dataDir;
    private static Stack stack;
    private static JsonHttpServer weatherApi;
    private static KafkaCompanion kafka;
    private static MqttPublisher probe;
    private static ConsumerTask<String, String> events;
    private static ConsumerTask<String, String> runChanges;

    @BeforeAll
    static void startPlatform() {
        StackLogging.configure();
        dataDir = new TemporaryDirectory("tributary-resilience");
        StackPorts ports = StackPorts.free();
        weatherApi = new JsonHttpServer(ports.demoApi(), WeatherFeed.PATH, () -> "{\"readings\":[]}");
        stack = Stack.start(
                Path.of(System.getProperty("tributary.root", "..")), dataDir.path(), ports, false, Map.of());
        // The services run as in production, authentication on: every call carries the stack's admin key.
        RestAssured.requestSpecification = new RequestSpecBuilder()
                .addHeader(ApiKeys.HEADER, stack.apiKey())
                .build();
        kafka = new KafkaCompanion(stack.kafkaBootstrapServers());
        events = kafka.consumeStrings()
                .withProp(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
                .fromTopics(Topics.EVENTS);
        runChanges = kafka.consumeStrings()
                .withProp(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
                .fromTopics(Topics.RUNS);
        probe = new MqttPublisher("127.0.0.1", stack.mqttPort(), "resilience-probe");
        MqttProbe.awaitSubscription(probe, events, WAIT);
    }

    @AfterAll
    static void stopPlatform() {
        RestAssured.reset();
        Resources.closeAll(probe, kafka, stack, weatherApi, dataDir);
    }

    @Test
    void everyReadingCompletesOnceWhileOrchestratorThenAnalyticsAreKilled() {
        String flowId = StatsFlows.register(stack.orchestratorUrl(), "resilience-kill", "kill-*", 30, RETRIED);
        ServiceProcess orchestrator = stack.services().get("orchestrator");
        ServiceProcess analytics = stack.services().get("analytics");
        int orchestratorRestarts = orchestrator.restarts();
        int analyticsRestarts = analytics.restarts();

        try (ReadingStream stream =
                new ReadingStream(stack.mqttPort(), "resilience-kill-devices", "kill-", DEVICES, READINGS, RATE)) {
            // Mid-stream, with runs under way: the orchestrator dies with whatever it had in hand.
            Awaitility.await()
                    .atMost(WAIT)
                    .until(() -> stream.published() >= 150 && !runsOf(flowId).isEmpty());
            orchestrator.kill();
            orchestrator.awaitReady(READY);
            assertEquals(orchestratorRestarts + 1, orchestrator.restarts(), "the supervisor restarted it once");

            // Later in the stream, with tasks under way: analytics dies with its attempts and windows.
            Awaitility.await().atMost(WAIT).until(() -> stream.published() >= 600);
            analytics.kill();
            analytics.awaitReady(READY);
            assertEquals(analyticsRestarts + 1, analytics.restarts(), "the supervisor restarted it once");

            stream.awaitAllPublished(WAIT);
        }
        assertEveryReadingCompletedOnce(flowId, "kill-");
    }

    @Test
    void twoOrchestratorReplicasSideBySideNeitherLoseNorDoubleARun() throws Exception {
        String flowId = StatsFlows.register(stack.orchestratorUrl(), "resilience-replicas", "pair-*", 30, RETRIED);
        int membersBefore = orchestratorGroupMembers();
        ServiceProcess replica = null;
        try (ReadingStream stream =
                new ReadingStream(stack.mqttPort(), "resilience-pair-devices", "pair-", DEVICES, READINGS, RATE)) {
            // The replica joins while readings stream in: the group rebalances with work in flight.
            Awaitility.await().atMost(WAIT).until(() -> stream.published() >= 200);
            replica = stack.startReplica("orchestrator");
            Awaitility.await().atMost(WAIT).until(() -> orchestratorGroupMembers() > membersBefore);
            stream.awaitAllPublished(WAIT);
            assertEveryReadingCompletedOnce(flowId, "pair-");
        } finally {
            if (replica != null) {
                replica.close(); // the other tests expect one orchestrator
            }
        }
    }

    @Test
    void anOrchestratorOutageIsNotTakenForTheDevicesSilence() {
        String flowId = StatsFlows.register(
                stack.orchestratorUrl(),
                "resilience-silence",
                Map.of(
                        "kind",
                        "proactive",
                        "type",
                        "io.tributary.measurement.v1",
                        "source",
                        "/iot/*",
                        "subject",
                        "quiet-*",
                        "withinSeconds",
                        SILENCE_SECONDS),
                60,
                Map.of());
        ServiceProcess orchestrator = stack.services().get("orchestrator");
        AtomicInteger talked = new AtomicInteger();
        ScheduledExecutorService talking = Executors.newSingleThreadScheduledExecutor();
        try (MqttPublisher devices = new MqttPublisher("127.0.0.1", stack.mqttPort(), "resilience-quiet-devices")) {
            // Talkers send every 500 ms, far more often than the silence they are watched for.
            talking.scheduleAtFixedRate(
                    () -> {
                        try {
                            for (int i = 0; i < TALKERS; i++) {
                                publishNow(devices, "quiet-talker-" + i);
                            }
                            talked.incrementAndGet();
                        } catch (RuntimeException e) {
                            // One failed publish must not end the talking (the executor would stop repeating).
                            LOG.warnf("A talker's reading was not published: %s", e.getMessage());
                        }
                    },
                    0,
                    500,
                    TimeUnit.MILLISECONDS);
            publishNow(devices, "quiet-gone");
            Awaitility.await()
                    .atMost(WAIT)
                    .until(() -> !runsOfSubject(flowId, "quiet-gone").isEmpty());

            // Down for twice the silence while the talkers go on: their readings wait in the topic.
            orchestrator.stop();
            int before = talked.get();
            Awaitility.await().atMost(WAIT).until(() -> talked.get() >= before + 4 * SILENCE_SECONDS);
            orchestrator.start();
            orchestrator.awaitReady(READY);

            // A device that falls silent after the restart shows when silences due since then have been judged.
            publishNow(devices, "quiet-late");
            Awaitility.await()
                    .atMost(WAIT)
                    .until(() -> !runsOfSubject(flowId, "quiet-late").isEmpty());
        } finally {
            talking.shutdownNow();
            given().baseUri(stack.orchestratorUrl()).delete("/flows/{name}", "resilience-silence");
        }
        for (int i = 0; i < TALKERS; i++) {
            assertEquals(
                    List.of(),
                    runsOfSubject(flowId, "quiet-talker-" + i),
                    "quiet-talker-" + i + " never fell silent: its readings only waited for the orchestrator");
        }
        assertEquals(1, runsOfSubject(flowId, "quiet-gone").size(), "one run per silence, restart or not");
    }

    private static void publishNow(MqttPublisher devices, String device) {
        devices.publish(
                "tributary/" + device + "/telemetry", "{\"temperature\": 21.5, \"ts\": \"" + Instant.now() + "\"}");
    }

    private static List<String> runsOfSubject(String flowId, String subject) {
        return given().baseUri(stack.orchestratorUrl())
                .queryParam("flow", flowId)
                .queryParam("subject", subject)
                .get("/runs")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
    }

    /**
     * Waits until the flow's runs all ended, then checks: as many runs as readings, all COMPLETED, and each
     * reading's event triggered exactly one of them.
     */
    private static void assertEveryReadingCompletedOnce(String flowId, String devicePrefix) {
        try {
            Awaitility.await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                Map<UUID, RunChange> runs = runsOf(flowId);
                assertTrue(runs.size() >= READINGS, "runs so far: " + runs.size());
                assertTrue(runs.values().stream().allMatch(c -> c.type().isFinal()), "runs by state: " + byState(runs));
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    e.getMessage() + "; readings without a run: " + withoutRun(devicePrefix, runsOf(flowId)), e);
        }
        Map<UUID, RunChange> runs = runsOf(flowId);
        assertEquals(READINGS, runs.size(), "one run per reading; runs by state: " + byState(runs));
        assertTrue(
                runs.values().stream().allMatch(c -> c.type() == StateType.COMPLETED),
                "every run COMPLETED; runs by state: " + byState(runs));

        Set<String> readingEvents = readings(devicePrefix).stream()
                .map(r -> Records.header(r, "ce_id"))
                .collect(Collectors.toSet());
        assertEquals(READINGS, readingEvents.size(), "each reading is one event on the bus");
        Map<String, UUID> runByEvent = new HashMap<>();
        for (UUID run : runs.keySet()) {
            UUID other = runByEvent.put(eventOf(run), run);
            assertNull(other, "event " + eventOf(run) + " started two runs: " + other + " and " + run);
        }
        assertEquals(readingEvents, runByEvent.keySet(), "the runs' events are the readings' events");
    }

    private static List<ConsumerRecord<String, String>> readings(String devicePrefix) {
        return events.getRecords().stream()
                .filter(r -> String.valueOf(Records.header(r, "ce_subject")).startsWith(devicePrefix))
                .toList();
    }

    private static String eventOf(UUID run) {
        return given().baseUri(stack.orchestratorUrl())
                .get("/runs/{id}", run)
                .then()
                .statusCode(200)
                .extract()
                .path("eventId");
    }

    /** Where on the bus the readings that started no (published) run are: which partitions, which offsets. */
    private static List<String> withoutRun(String devicePrefix, Map<UUID, RunChange> runs) {
        Set<String> started =
                runs.keySet().stream().map(EngineResilienceIT::eventOf).collect(Collectors.toSet());
        return readings(devicePrefix).stream()
                .filter(r -> !started.contains(Records.header(r, "ce_id")))
                .map(r -> r.partition() + "@" + r.offset())
                .toList();
    }

    /** The flow's runs, each at its newest change (a change redelivered out of order does not win). */
    private static Map<UUID, RunChange> runsOf(String flowId) {
        UUID flow = UUID.fromString(flowId);
        Map<UUID, RunChange> runs = new HashMap<>();
        for (ConsumerRecord<String, String> record : runChanges.getRecords()) {
            RunChange change = Json.read(record.value(), RunChange.class);
            if (flow.equals(change.flowId()) && change.taskRunId() == null) {
                runs.merge(
                        change.flowRunId(),
                        change,
                        (known, next) -> next.timestamp().isBefore(known.timestamp()) ? known : next);
            }
        }
        return runs;
    }

    private static Map<String, Long> byState(Map<UUID, RunChange> runs) {
        return runs.values().stream()
                .collect(Collectors.groupingBy(
                        c -> c.name() != null ? c.name() : c.type().name(), TreeMap::new, Collectors.counting()));
    }

    /** Members of the orchestrator's consumer group on tributary.events: each replica adds its consumers. */
    private static int orchestratorGroupMembers() throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            return admin.describeConsumerGroups(List.of("orchestrator"))
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .get("orchestrator")
                    .members()
                    .size();
        }
    }
}
