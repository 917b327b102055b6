package io.tributary.analytics.task;

import static io.tributary.analytics.task.TaskFixtures.await;
import static io.tributary.analytics.task.TaskFixtures.resultId;
import static io.tributary.analytics.task.TaskFixtures.resultIds;
import static io.tributary.analytics.task.TaskFixtures.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.tributary.analytics.control.AttemptKey;
import io.tributary.analytics.control.Cancellations;
import io.tributary.contract.Topics;
import io.tributary.contract.task.TaskMessage;
import io.tributary.contract.task.TaskStatus;
import io.tributary.contract.task.TaskUpdate;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.Records;
import io.tributary.devstack.testing.SharedInfrastructure;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Real Kafka: a cancel on {@code tributary.task-control} keeps its attempt from running, or stops it while it runs;
 * either way the attempt reports CANCELLED once and publishes no result. Absence is proven by a retry of the task
 * run sent after it: the retry shares the series' task partition and the run's update partition, so whatever the
 * cancelled attempt sent would have arrived before the retry's reports.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class TaskCancellationTest {
    private final KafkaCompanion kafka = SharedInfrastructure.companion();

    @Inject
    Cancellations cancellations;

    @Inject
    SleepTask sleepTask;

    @Test
    void anAttemptCancelledBeforeItsTaskMessageArrivesNeverRuns() {
        String series = TaskFixtures.newSeries("valve");
        TaskMessage task = TaskFixtures.sleep(series, 0, Duration.ofSeconds(30), null);
        TaskMessage retry = TaskFixtures.quickRetry(task);
        try (ConsumerTask<String, String> updates = kafka.consumeStrings().fromTopics(Topics.TASK_UPDATES);
                ConsumerTask<String, String> results = kafka.consumeStrings().fromTopics(Topics.RESULTS)) {
            TaskFixtures.cancel(kafka, task, "flow run cancelled by alice");
            // The two topics are read by different consumers: the cancel must be known before the task arrives.
            Awaitility.await().atMost(Records.WAIT).until(() -> cancellations.isCancelled(AttemptKey.of(task)));
            TaskFixtures.send(kafka, task);
            TaskFixtures.send(kafka, retry);

            await(updates, retry, TaskStatus.COMPLETED);
            Awaitility.await()
                    .atMost(Records.WAIT)
                    .until(() -> resultIds(results, series).contains(resultId(retry)));
            List<TaskUpdate> cancelled = TaskFixtures.updates(updates, task);
            assertEquals(List.of(TaskStatus.CANCELLED), statuses(updates, task));
            assertEquals("flow run cancelled by alice", cancelled.get(0).error());
            assertEquals(List.of(resultId(retry)), resultIds(results, series), "only the retry published");
        }
    }

    @Test
    void aRunningAttemptIsStoppedWhenCancelled() {
        String series = TaskFixtures.newSeries("mixer");
        TaskMessage task = TaskFixtures.sleep(series, 120_000, Duration.ofMinutes(5), null);
        TaskMessage retry = TaskFixtures.quickRetry(task);
        try (ConsumerTask<String, String> updates = kafka.consumeStrings().fromTopics(Topics.TASK_UPDATES);
                ConsumerTask<String, String> results = kafka.consumeStrings().fromTopics(Topics.RESULTS)) {
            TaskFixtures.send(kafka, task);
            await(updates, task, TaskStatus.RUNNING);
            TaskFixtures.cancel(kafka, task, "no longer needed");

            TaskUpdate cancelled = await(updates, task, TaskStatus.CANCELLED);
            assertEquals("no longer needed", cancelled.error());
            Awaitility.await().atMost(Records.WAIT).until(() -> sleepTask.wasStopped(task.taskRunId()));

            TaskFixtures.send(kafka, retry);
            await(updates, retry, TaskStatus.COMPLETED);
            Awaitility.await()
                    .atMost(Records.WAIT)
                    .until(() -> resultIds(results, series).contains(resultId(retry)));
            assertEquals(List.of(TaskStatus.RUNNING, TaskStatus.CANCELLED), statuses(updates, task));
            assertFalse(resultIds(results, series).contains(resultId(task)), "no result of the cancelled attempt");
        }
    }
}
