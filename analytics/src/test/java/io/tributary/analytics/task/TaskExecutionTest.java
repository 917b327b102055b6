package io.tributary.analytics.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.tributary.contract.Topics;
import io.tributary.contract.event.EventData;
import io.tributary.contract.event.EventTypes;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.json.Json;
import io.tributary.contract.task.TaskMessage;
import io.tributary.contract.task.TaskStatus;
import io.tributary.contract.task.TaskUpdate;
import io.tributary.devstack.testing.CloudEventRecords;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.Records;
import io.tributary.devstack.testing.SharedInfrastructure;
import io.tributary.http.testing.PrometheusText;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Real Kafka: events build the window, a task computes on it, the result and the updates go out. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class TaskExecutionTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String FLOW_RESULTS = "flow-results-test";
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    private final KafkaCompanion kafka = SharedInfrastructure.companion();

    @Test
    void windowStatsCoverTheLastSecondsOfTheSeriesUpToTheTrigger() {
        String device = "pump-" + UUID.randomUUID();
        ConsumerTask<String, String> results = kafka.consumeStrings().fromTopics(Topics.RESULTS);
        ConsumerTask<String, String> updates = kafka.consumeStrings().fromTopics(Topics.TASK_UPDATES);
        ConsumerTask<String, String> flowResults = kafka.consumeStrings().fromTopics(FLOW_RESULTS);
        PrometheusText before = PrometheusText.scrape();
        double[] readings = {10, 12, 11, 15, 9, 14};
        List<NormalizedEvent> events = new ArrayList<>();
        for (int i = 0; i < readings.length; i++) {
            NormalizedEvent event = event(device, T0.plusSeconds(i * 10L), readings[i]);
            events.add(event);
            kafka.produceStrings().fromRecords(CloudEventRecords.of(event)).awaitCompletion();
        }
        // Trigger on the fifth reading (t=40s), window 25 s: readings at 20, 30, 40 → 11, 15, 9.
        NormalizedEvent trigger = events.get(4);
        TaskMessage task =
                task(trigger, "window-stats", Map.of("metric", "temperature", "windowSeconds", 25), FLOW_RESULTS);
        sendTask(task);

        ConsumerRecord<String, String> result =
                Records.await(results, trigger.seriesKey(), 1).get(0);
        JsonNode stats = Json.read(result.value(), JsonNode.class);
        DescriptiveStatistics expected = new DescriptiveStatistics(new double[] {11, 15, 9});
        assertEquals(3, stats.get("count").asInt());
        assertEquals(expected.getMean(), stats.get("mean").asDouble(), 1e-9);
        assertEquals(9.0, stats.get("min").asDouble());
        assertEquals(15.0, stats.get("max").asDouble());
        assertEquals(expected.getStandardDeviation(), stats.get("stddev").asDouble(), 1e-9);
        assertEquals(11.0, stats.get("p50").asDouble());
        assertEquals(
                trigger.time().toInstant().toString(), stats.get("windowEnd").asText());
        assertEquals("io.tributary.result.v1", Records.header(result, "ce_type"));
        assertEquals(trigger.seriesKey(), Records.header(result, "ce_subject"));
        assertEquals(task.flowRunId().toString(), Records.header(result, "ce_flowrunid"));
        assertEquals(task.taskRunId().toString(), Records.header(result, "ce_taskrunid"));
        assertEquals(task.taskRunId() + ":1", Records.header(result, "ce_id"));
        ConsumerRecord<String, String> copy =
                Records.await(flowResults, trigger.seriesKey(), 1).get(0);
        assertEquals(result.value(), copy.value(), "the flow's own result topic gets the same result");
        assertEquals(Records.header(result, "ce_id"), Records.header(copy, "ce_id"));

        List<TaskStatus> statuses = Records.await(updates, task.flowRunId().toString(), 2).stream()
                .map(r -> Json.read(r.value(), TaskUpdate.class).status())
                .toList();
        assertEquals(List.of(TaskStatus.RUNNING, TaskStatus.COMPLETED), statuses);

        // One attempt ran and completed; its result was acknowledged on both topics. The timers are histograms.
        PrometheusText after = PrometheusText.scrape();
        assertEquals(
                1,
                after.increaseSince(
                        before,
                        "tributary_task_execution_duration_seconds_count",
                        "type",
                        "window-stats",
                        "status",
                        "COMPLETED"));
        assertTrue(after.has(
                "tributary_task_execution_duration_seconds_bucket", "type", "window-stats", "status", "COMPLETED"));
        // Timed on the broker's ack, which the test's consumer may see the record before.
        Awaitility.await().atMost(WAIT).untilAsserted(() -> {
            PrometheusText acked = PrometheusText.scrape();
            assertEquals(
                    1,
                    acked.increaseSince(
                            before,
                            "tributary_result_publish_latency_seconds_count",
                            "type",
                            "window-stats",
                            "topic",
                            "shared"));
            assertEquals(
                    1,
                    acked.increaseSince(
                            before,
                            "tributary_result_publish_latency_seconds_count",
                            "type",
                            "window-stats",
                            "topic",
                            "flow"));
            assertTrue(acked.has("tributary_result_publish_latency_seconds_bucket", "type", "window-stats"));
        });
        // The Kafka binder's client-level lag (the per-partition one is registered at its next refresh, a minute on).
        after.assertHas("kafka_consumer_fetch_manager_records_lag_max");
    }

    @Test
    void unknownTypesAndBadParametersFailWithAReason() {
        NormalizedEvent trigger = event("fan-" + UUID.randomUUID(), T0, 1.0);
        kafka.produceStrings().fromRecords(CloudEventRecords.of(trigger)).awaitCompletion();
        ConsumerTask<String, String> updates = kafka.consumeStrings().fromTopics(Topics.TASK_UPDATES);

        TaskMessage unknown = task(trigger, "fourier", Map.of());
        TaskMessage noMetric = task(trigger, "window-stats", Map.of("windowSeconds", 10));
        TaskMessage absentMetric = task(trigger, "window-stats", Map.of("metric", "pressure", "windowSeconds", 10));
        PrometheusText before = PrometheusText.scrape();
        sendTask(unknown);
        sendTask(noMetric);
        sendTask(absentMetric);

        assertFailure(updates, unknown, "unknown task type 'fourier'");
        assertFailure(updates, noMetric, "parameter 'metric' is required");
        assertFailure(updates, absentMetric, "of metric 'pressure'");
        // The two window-stats attempts ran and failed; the unknown type never ran, so it has no duration.
        PrometheusText after = PrometheusText.scrape();
        assertEquals(
                2,
                after.increaseSince(
                        before,
                        "tributary_task_execution_duration_seconds_count",
                        "type",
                        "window-stats",
                        "status",
                        "FAILED"));
        assertEquals(
                0, after.increaseSince(before, "tributary_task_execution_duration_seconds_count", "type", "fourier"));
        assertEquals(
                0,
                after.increaseSince(before, "tributary_result_publish_latency_seconds_count", "type", "window-stats"));
    }

    /** Waits for the run's FAILED update: a known task type reports RUNNING before it. */
    private void assertFailure(ConsumerTask<String, String> updates, TaskMessage task, String reason) {
        String key = task.flowRunId().toString();
        TaskUpdate failed = Awaitility.await()
                .atMost(Records.WAIT)
                .until(
                        () -> updates.getRecords().stream()
                                .filter(r -> key.equals(r.key()))
                                .map(r -> Json.read(r.value(), TaskUpdate.class))
                                .filter(u -> u.status() == TaskStatus.FAILED)
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        assertTrue(failed.error().contains(reason), failed.error());
    }

    private static NormalizedEvent event(String device, OffsetDateTime time, double temperature) {
        return new NormalizedEvent(
                UUID.randomUUID().toString(),
                URI.create("/iot/devices"),
                EventTypes.MEASUREMENT,
                device,
                time,
                new EventData(Map.of("temperature", temperature), Map.of(), null));
    }

    private static TaskMessage task(NormalizedEvent trigger, String type, Map<String, Object> parameters) {
        return task(trigger, type, parameters, null);
    }

    private static TaskMessage task(
            NormalizedEvent trigger, String type, Map<String, Object> parameters, String resultTopic) {
        return TaskFixtures.task(
                trigger.seriesKey(), List.of(trigger), type, parameters, Duration.ofSeconds(60), null, resultTopic);
    }

    private void sendTask(TaskMessage task) {
        TaskFixtures.send(kafka, task);
    }
}
