package io.tributary.analytics.task;

import static io.tributary.analytics.task.TaskFixtures.await;
import static io.tributary.analytics.task.TaskFixtures.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.tributary.contract.Topics;
import io.tributary.contract.task.TaskMessage;
import io.tributary.contract.task.TaskStatus;
import io.tributary.contract.task.TaskUpdate;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.Records;
import io.tributary.devstack.testing.SharedInfrastructure;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Real Kafka: an attempt's timeout counts from its start (RUNNING), and it heartbeats while it runs. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class TaskTimeoutTest {
    /** Wall clocks may be slewed by a few milliseconds against the monotonic clock the timer runs on. */
    private static final Duration CLOCK_SLACK = Duration.ofMillis(5);

    private final KafkaCompanion kafka = SharedInfrastructure.companion();

    @Inject
    SleepTask sleepTask;

    @Test
    void aSlowAttemptHeartbeatsAndIsStoppedPastItsTimeout() {
        Duration timeout = Duration.ofSeconds(2);
        TaskMessage task = TaskFixtures.sleep(TaskFixtures.newSeries("kiln"), 120_000, timeout, Duration.ofMillis(250));
        TaskMessage retry = TaskFixtures.quickRetry(task);
        try (ConsumerTask<String, String> updates = kafka.consumeStrings().fromTopics(Topics.TASK_UPDATES)) {
            TaskFixtures.send(kafka, task);

            TaskUpdate timedOut = await(updates, task, TaskStatus.TIMED_OUT);
            TaskUpdate running = await(updates, task, TaskStatus.RUNNING);
            assertTrue(timedOut.error().contains(timeout.toString()), timedOut.error());
            Duration ran = Duration.between(running.at(), timedOut.at());
            assertFalse(ran.plus(CLOCK_SLACK).compareTo(timeout) < 0, "stopped after " + ran + ", before its timeout");
            Awaitility.await().atMost(Records.WAIT).until(() -> sleepTask.wasStopped(task.taskRunId()));

            // The retry's reports follow on the run's partition: nothing of the attempt came after TIMED_OUT.
            TaskFixtures.send(kafka, retry);
            await(updates, retry, TaskStatus.COMPLETED);
            List<TaskStatus> statuses = statuses(updates, task);
            assertEquals(TaskStatus.RUNNING, statuses.get(0));
            assertEquals(TaskStatus.TIMED_OUT, statuses.get(statuses.size() - 1));
            List<TaskStatus> between = statuses.subList(1, statuses.size() - 1);
            assertTrue(between.size() >= 3, "heartbeats every 250 ms for 2 s: " + statuses);
            assertTrue(between.stream().allMatch(s -> s == TaskStatus.HEARTBEAT), statuses.toString());
        }
    }

    @Test
    void timeWaitingInTheTopicIsNotCountedAgainstTheTimeout() {
        String series = TaskFixtures.newSeries("press");
        Duration timeout = Duration.ofSeconds(1);
        // Same series, so the same partition: the second task waits behind the first, longer than its timeout.
        TaskMessage blocker = TaskFixtures.sleep(series, 3_000, Duration.ofSeconds(30), null);
        TaskMessage waiting = TaskFixtures.sleep(series, 100, timeout, null);
        try (ConsumerTask<String, String> updates = kafka.consumeStrings().fromTopics(Topics.TASK_UPDATES)) {
            TaskFixtures.send(kafka, blocker);
            TaskFixtures.send(kafka, waiting);
            Instant queued = Instant.now();

            TaskUpdate completed = await(updates, waiting, TaskStatus.COMPLETED);
            TaskUpdate running = await(updates, waiting, TaskStatus.RUNNING);
            assertTrue(
                    Duration.between(queued, running.at()).compareTo(timeout) > 0,
                    "the task waited in the topic longer than its timeout");
            assertTrue(Duration.between(running.at(), completed.at()).compareTo(timeout) < 0);
            assertEquals(List.of(TaskStatus.RUNNING, TaskStatus.COMPLETED), statuses(updates, waiting));
        }
    }
}
