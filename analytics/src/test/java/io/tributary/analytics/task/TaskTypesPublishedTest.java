package io.tributary.analytics.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.tributary.analytics.stats.WindowStatsTask;
import io.tributary.contract.Topics;
import io.tributary.contract.json.Json;
import io.tributary.contract.task.TaskType;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.Records;
import io.tributary.devstack.testing.SharedInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The catalogue the orchestrator validates flows against, as published on the real broker. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class TaskTypesPublishedTest {

    @Test
    void everyTaskTypeIsPublishedKeyedByTypeWithItsParameterSchema() {
        ConsumerTask<String, String> published =
                SharedInfrastructure.companion().consumeStrings().fromTopics(Topics.TASK_TYPES);
        ConsumerRecord<String, String> record =
                Records.await(published, WindowStatsTask.TYPE, 1).get(0);
        TaskType type = Json.read(record.value(), TaskType.class);
        assertEquals(WindowStatsTask.TYPE, type.type());
        assertEquals("object", type.parameters().get("type").asText());
        assertTrue(type.parameters().get("required").toString().contains("metric"));
        assertTrue(type.parameters().get("properties").has("windowSeconds"));
        Records.await(published, SleepTask.TYPE, 1);
    }
}
