package io.tributary.analytics.restart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.tributary.contract.Topics;
import io.tributary.contract.event.EventData;
import io.tributary.contract.event.EventTypes;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.json.Json;
import io.tributary.contract.task.TaskInput;
import io.tributary.contract.task.TaskMessage;
import io.tributary.devstack.infra.Ports;
import io.tributary.devstack.stack.ServiceProcess;
import io.tributary.devstack.testing.CloudEventRecords;
import io.tributary.devstack.testing.Records;
import io.tributary.devstack.testing.SharedInfrastructure;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The packaged service against real Kafka, killed with {@code kill -9} mid-stream and started again: every task gets
 * the result an uninterrupted run gives — the statistics of its window, computed here from the readings — because
 * the restarted service rebuilds its windows from the topic (a task re-executed after the kill repeats its result
 * and its id).
 */
class AnalyticsRestartIT {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 5, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final int DEVICES = 10;
    private static final int READINGS = 20;
    private static final int WINDOW_SECONDS = 30;

    private final KafkaCompanion kafka = SharedInfrastructure.companion();
    private final Map<UUID, double[]> expected = new HashMap<>();

    @Test
    void aRestartMidStreamGivesTheResultsOfAnUninterruptedRun() throws Exception {
        // Created beforehand, as in production (the chart's KafkaTopics), with the same partition count: a consumer
        // of a topic that does not exist yet is assigned it only on a later metadata refresh.
        List.of(Topics.EVENTS, Topics.TASKS, Topics.TASK_CONTROL, Topics.TASK_UPDATES, Topics.RESULTS)
                .forEach(topic -> kafka.topics().createAndWait(topic, 2));
        ConsumerTask<String, String> results = kafka.consumeStrings()
                .withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(Topics.RESULTS);
        Path root = Path.of(System.getProperty("tributary.root", ".."));
        // The service's log stays in target/ for when this fails.
        Path logs = Files.createDirectories(root.resolve("analytics/target/restart-it"));
        try (ServiceProcess analytics = ServiceProcess.start(root, "analytics", Ports.free(), config(), logs)) {
            analytics.awaitReady(Duration.ofSeconds(60));
            List<UUID> firstHalf = stream(0, READINGS / 2);
            awaitResults(results, firstHalf);
            List<UUID> inFlight = stream(READINGS / 2, READINGS / 2 + 2);
            analytics.kill();
            List<UUID> whileDown = stream(READINGS / 2 + 2, READINGS);
            analytics.start();
            analytics.awaitReady(Duration.ofSeconds(60));

            List<UUID> all = new ArrayList<>(firstHalf);
            all.addAll(inFlight);
            all.addAll(whileDown);
            Map<UUID, List<JsonNode>> byTask = awaitResults(results, all);
            byTask.forEach((taskRunId, copies) -> copies.forEach(result -> assertStats(taskRunId, result)));
            assertEquals(DEVICES * READINGS, byTask.size());
        }
    }

    /**
     * The restarted instance takes its partitions over once the killed one's consumers are out of their groups: after
     * their session timeout, 45 s by default, 6 s here (the broker's minimum) to keep the test short.
     */
    private static Map<String, String> config() {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", SharedInfrastructure.kafka().bootstrapServers());
        for (String channel : List.of("tasks", "window-events", "task-control")) {
            config.put("mp.messaging.incoming." + channel + ".session.timeout.ms", "6000");
            config.put("mp.messaging.incoming." + channel + ".heartbeat.interval.ms", "2000");
        }
        return config;
    }

    /** Readings i in [from, to) of every device, each followed by a window-stats task triggered by it. */
    private List<UUID> stream(int from, int to) {
        List<UUID> tasks = new ArrayList<>();
        for (int i = from; i < to; i++) {
            for (int d = 0; d < DEVICES; d++) {
                NormalizedEvent reading = reading(d, i);
                kafka.produceStrings()
                        .fromRecords(CloudEventRecords.of(reading))
                        .awaitCompletion();
                TaskMessage task = new TaskMessage(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        "stats",
                        "window-stats",
                        Map.of("metric", "level", "windowSeconds", WINDOW_SECONDS),
                        new TaskInput(reading.seriesKey(), List.of(reading)),
                        1,
                        Duration.ofSeconds(60),
                        null,
                        null);
                kafka.produceStrings()
                        .fromRecords(new ProducerRecord<>(Topics.TASKS, reading.seriesKey(), Json.write(task)))
                        .awaitCompletion();
                expected.put(task.taskRunId(), window(d, i));
                tasks.add(task.taskRunId());
            }
        }
        return tasks;
    }

    /** Reading i of a device: every 10 s, a value no two devices share. */
    private static NormalizedEvent reading(int device, int i) {
        return new NormalizedEvent(
                NormalizedEvent.deterministicId("/restart", "tank-" + device, Integer.toString(i)),
                URI.create("/restart"),
                EventTypes.MEASUREMENT,
                "tank-" + device,
                T0.plusSeconds(10L * i),
                new EventData(Map.of("level", value(device, i)), Map.of(), null));
    }

    private static double value(int device, int i) {
        return device * 100 + (i * 7 % 11);
    }

    /** The readings of an uninterrupted window: (t − 30 s, t] holds readings i − 2, i − 1 and i. */
    private static double[] window(int device, int i) {
        List<Double> values = new ArrayList<>();
        for (int j = Math.max(0, i - 2); j <= i; j++) {
            values.add(value(device, j));
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private void assertStats(UUID taskRunId, JsonNode result) {
        DescriptiveStatistics stats = new DescriptiveStatistics(expected.get(taskRunId));
        assertEquals(stats.getN(), result.get("count").asLong(), taskRunId.toString());
        assertEquals(stats.getMean(), result.get("mean").asDouble(), 1e-9);
        assertEquals(stats.getMin(), result.get("min").asDouble(), 0);
        assertEquals(stats.getMax(), result.get("max").asDouble(), 0);
        assertEquals(
                stats.getN() > 1 ? stats.getStandardDeviation() : 0,
                result.get("stddev").asDouble(),
                1e-9);
    }

    /** Waits (bounded) for a result of every task; returns each task's results by task run id. */
    private static Map<UUID, List<JsonNode>> awaitResults(ConsumerTask<String, String> results, List<UUID> tasks) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .until(
                        () -> {
                            Map<UUID, List<JsonNode>> byTask = new HashMap<>();
                            for (ConsumerRecord<String, String> record : results.getRecords()) {
                                String id = Records.header(record, "ce_id");
                                UUID taskRunId = UUID.fromString(id.substring(0, id.indexOf(':')));
                                if (tasks.contains(taskRunId)) {
                                    byTask.computeIfAbsent(taskRunId, k -> new ArrayList<>())
                                            .add(Json.read(record.value(), JsonNode.class));
                                }
                            }
                            return byTask;
                        },
                        byTask -> byTask.size() == tasks.size());
    }
}
