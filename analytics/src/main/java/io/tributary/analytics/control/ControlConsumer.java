package io.tributary.analytics.control;

import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.tributary.contract.json.Json;
import io.tributary.contract.json.MalformedMessageException;
import io.tributary.contract.task.TaskControl;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads {@code tributary.task-control}. Every instance reads every command (a consumer group of its own): the
 * attempt may be running here, or its task message may still arrive here. Cancels live in memory and are read
 * again at start ({@link ControlReplayListener}), so offsets are not committed. Failure strategy: {@code ignore} —
 * an unreadable command is skipped; it never stops the channel.
 */
@ApplicationScoped
public class ControlConsumer {
    static final String CHANNEL = "task-control";

    private final Cancellations cancellations;
    private final ControlReplay replay;

    public ControlConsumer(Cancellations cancellations, ControlReplay replay) {
        this.cancellations = cancellations;
        this.replay = replay;
    }

    @Incoming(CHANNEL)
    public CompletionStage<Void> consume(Message<String> message) {
        try {
            TaskControl control = read(message.getPayload());
            if (control.command() == TaskControl.Command.CANCEL) {
                cancellations.cancel(control);
            }
            return message.ack();
        } catch (MalformedMessageException e) {
            Log.debugf("Skipping unreadable task control: %s", e.getMessage());
            return message.nack(e);
        } finally {
            // After the command took effect, so the replay is done only once the registry holds it.
            message.getMetadata(IncomingKafkaRecordMetadata.class)
                    .ifPresent(m -> replay.applied(new TopicPartition(m.getTopic(), m.getPartition()), m.getOffset()));
        }
    }

    private static TaskControl read(String payload) {
        if (payload == null) {
            throw new MalformedMessageException("task control without a body");
        }
        TaskControl control = Json.read(payload, TaskControl.class);
        if (control.taskRunId() == null || control.command() == null) {
            throw new MalformedMessageException("task control without a task run id or a command");
        }
        return control;
    }
}
