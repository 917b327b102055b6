package io.tributary.contract.result;

import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadataBuilder;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.tributary.contract.event.EventMessages;
import io.tributary.contract.event.EventTypes;
import io.tributary.contract.json.Json;
import io.tributary.contract.task.TaskMessage;
import java.net.URI;
import java.time.ZonedDateTime;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/** Maps a task result to its CloudEvent on {@code tributary.results}. */
public final class ResultMessages {
    public static final URI SOURCE = URI.create("/analytics");
    /** CloudEvent extension names: lower-case letters and digits only (CloudEvents 1.0). */
    public static final String FLOW_RUN_ID = "flowrunid";

    public static final String TASK_RUN_ID = "taskrunid";

    private ResultMessages() {}

    /**
     * The event id is the task run id and attempt, so a redelivered task that computes its result again publishes
     * the same id, and a reader can drop the copy.
     *
     * @param topic null for {@code tributary.results}, else the flow's own result topic
     */
    public static Message<String> toMessage(TaskMessage task, Object result, ZonedDateTime time, String topic) {
        return toMessage(task, result, time, topic, Map.of());
    }

    /**
     * @param extensions further CloudEvent extensions (names of lower-case letters and digits), such as the bounds of
     *     the window the result was computed on
     */
    public static Message<String> toMessage(
            TaskMessage task, Object result, ZonedDateTime time, String topic, Map<String, Object> extensions) {
        return toMessage(task, result, time, topic, extensions, new RecordHeaders());
    }

    /** @param headers further headers of the record, such as its trace context ({@code traceparent}) */
    public static Message<String> toMessage(
            TaskMessage task,
            Object result,
            ZonedDateTime time,
            String topic,
            Map<String, Object> extensions,
            Headers headers) {
        OutgoingCloudEventMetadataBuilder<Object> builder = OutgoingCloudEventMetadata.builder()
                .withId(task.taskRunId() + ":" + task.attempt())
                .withSource(SOURCE)
                .withType(EventTypes.RESULT)
                .withSubject(task.input().seriesKey())
                .withTimestamp(time)
                .withDataContentType(EventMessages.JSON)
                .withExtension(FLOW_RUN_ID, task.flowRunId().toString())
                .withExtension(TASK_RUN_ID, task.taskRunId().toString());
        extensions.forEach(builder::withExtension);
        OutgoingCloudEventMetadata<Object> ce = builder.build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(task.input().seriesKey())
                .withTopic(topic)
                .withHeaders(headers)
                .build();
        return Message.of(Json.write(result), Metadata.of(ce, kafka));
    }
}
