package io.tributary.orchestrator.engine;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import io.tributary.orchestrator.OrchestratorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * When this instance last took over task-update partitions (at start, or when a replica came or went). Until it has
 * consumed them for a whole heartbeat timeout, a running attempt's silence may be the backlog of those partitions
 * (or the time the dead replica's partitions were unowned), not a dead executor: crashes are not judged before.
 */
@ApplicationScoped
@Identifier(UpdateAssignments.NAME)
public class UpdateAssignments implements KafkaConsumerRebalanceListener {
    public static final String NAME = "task-update-assignments";

    private final Duration heartbeatTimeout;
    private volatile Instant assignedAt = Instant.now();

    public UpdateAssignments(OrchestratorConfig config) {
        this.heartbeatTimeout = config.heartbeatTimeout();
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            assignedAt = Instant.now();
        }
    }

    /** The first instant at which a silent attempt may be judged Crashed. */
    public Instant crashesJudgedFrom() {
        return assignedAt.plus(heartbeatTimeout);
    }
}
