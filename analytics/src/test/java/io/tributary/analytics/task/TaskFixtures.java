package io.tributary.analytics.task;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.tributary.contract.Topics;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.json.Json;
import io.tributary.contract.task.TaskControl;
import io.tributary.contract.task.TaskInput;
import io.tributary.contract.task.TaskMessage;
import io.tributary.contract.task.TaskStatus;
import io.tributary.contract.task.TaskUpdate;
import io.tributary.devstack.testing.Records;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;

/** Building, sending and reading the messages of task tests on the shared broker. */
final class TaskFixtures {
    private TaskFixtures() {}

    static String newSeries(String device) {
        return "/iot/devices|" + device + "-" + UUID.randomUUID();
    }

    static TaskMessage task(
            String series,
            List<NormalizedEvent> events,
            String type,
            Map<String, Object> parameters,
            Duration timeout,
            Duration heartbeatInterval,
            String resultTopic) {
        return new TaskMessage(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "step",
                type,
                parameters,
                new TaskInput(series, events),
                1,
                timeout,
                heartbeatInterval,
                resultTopic);
    }

    static TaskMessage sleep(String series, long millis, Duration timeout, Duration heartbeatInterval) {
        return task(series, List.of(), SleepTask.TYPE, Map.of("millis", millis), timeout, heartbeatInterval, null);
    }

    /** The retry of the task run: same ids, the next attempt, and a quick sleep. */
    static TaskMessage quickRetry(TaskMessage task) {
        return new TaskMessage(
                task.taskRunId(),
                task.flowRunId(),
                task.taskName(),
                SleepTask.TYPE,
                Map.of("millis", 0),
                task.input(),
                task.attempt() + 1,
                Duration.ofSeconds(30),
                null,
                null);
    }

    static void send(KafkaCompanion kafka, TaskMessage task) {
        kafka.produceStrings()
                .fromRecords(new ProducerRecord<>(Topics.TASKS, task.input().seriesKey(), Json.write(task)))
                .awaitCompletion();
    }

    static void cancel(KafkaCompanion kafka, TaskMessage task, String reason) {
        TaskControl cancel =
                TaskControl.cancel(task.taskRunId(), task.flowRunId(), task.attempt(), reason, Instant.now());
        kafka.produceStrings()
                .fromRecords(
                        new ProducerRecord<>(Topics.TASK_CONTROL, task.input().seriesKey(), Json.write(cancel)))
                .awaitCompletion();
    }

    /** The updates of this attempt received so far, in order (they share the flow run's partition). */
    static List<TaskUpdate> updates(ConsumerTask<String, String> updates, TaskMessage task) {
        String key = task.flowRunId().toString();
        return updates.getRecords().stream()
                .filter(r -> key.equals(r.key()))
                .map(r -> Json.read(r.value(), TaskUpdate.class))
                .filter(u -> u.taskRunId().equals(task.taskRunId()) && u.attempt() == task.attempt())
                .toList();
    }

    static List<TaskStatus> statuses(ConsumerTask<String, String> updates, TaskMessage task) {
        return updates(updates, task).stream().map(TaskUpdate::status).toList();
    }

    /** Waits (bounded) for the attempt's first update with the status. */
    static TaskUpdate await(ConsumerTask<String, String> updates, TaskMessage task, TaskStatus status) {
        return Awaitility.await()
                .atMost(Records.WAIT)
                .until(
                        () -> updates(updates, task).stream()
                                .filter(u -> u.status() == status)
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    /** The CloudEvent ids of the results on the series received so far. */
    static List<String> resultIds(ConsumerTask<String, String> results, String series) {
        return results.getRecords().stream()
                .filter(r -> series.equals(r.key()))
                .map(r -> Records.header(r, "ce_id"))
                .toList();
    }

    static String resultId(TaskMessage task) {
        return task.taskRunId() + ":" + task.attempt();
    }
}
