package io.tributary.analytics.task;

import static io.tributary.analytics.task.TaskFixtures.await;
import static io.tributary.analytics.task.TaskFixtures.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.tributary.contract.Topics;
import io.tributary.contract.task.TaskMessage;
import io.tributary.contract.task.TaskStatus;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.SharedInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/** Real Kafka: a long task holds up its own partition only; the others keep executing. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class TaskConcurrencyTest {
    private final KafkaCompanion kafka = SharedInfrastructure.companion();

    @Test
    void aLongTaskDoesNotHoldUpTheTasksOfOtherPartitions() {
        int partitions = kafka.topics()
                .describe(Topics.TASKS)
                .get(Topics.TASKS)
                .partitions()
                .size();
        assumeTrue(partitions > 1, "needs a tasks topic with several partitions");
        String slowSeries = TaskFixtures.newSeries("slow");
        String quickSeries = TaskFixtures.newSeries("quick");
        while (partition(quickSeries, partitions) == partition(slowSeries, partitions)) {
            quickSeries = TaskFixtures.newSeries("quick");
        }
        TaskMessage slow = TaskFixtures.sleep(slowSeries, 120_000, Duration.ofMinutes(5), null);
        TaskMessage quick = TaskFixtures.sleep(quickSeries, 0, Duration.ofSeconds(30), null);
        try (ConsumerTask<String, String> updates = kafka.consumeStrings().fromTopics(Topics.TASK_UPDATES)) {
            TaskFixtures.send(kafka, slow);
            await(updates, slow, TaskStatus.RUNNING);
            TaskFixtures.send(kafka, quick);

            await(updates, quick, TaskStatus.COMPLETED);
            assertEquals(List.of(TaskStatus.RUNNING), statuses(updates, slow), "the slow task still runs");

            TaskFixtures.cancel(kafka, slow, "test over");
            await(updates, slow, TaskStatus.CANCELLED);
        }
    }

    /** Where the producer's default partitioner puts the key. */
    private static int partition(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
