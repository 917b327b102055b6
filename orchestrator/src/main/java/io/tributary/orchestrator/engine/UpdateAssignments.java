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
 * When this instance last took over task-update partitions (at start, or when a replica came or went), and when it
 * last consumed a backlog of them. Until it has consumed its partitions for a whole heartbeat timeout, and kept up
 * with them for as long, a running attempt's silence may be reports still waiting in those partitions (or the time a
 * dead replica's partitions were unowned), not a dead executor: crashes are not judged before.
 */
@ApplicationScoped
@Identifier(UpdateAssignments.NAME)
public class UpdateAssignments implements KafkaConsumerRebalanceListener {
    public static final String NAME = "task-update-assignments";

    private final Duration heartbeatTimeout;
    /** Reports older than this when consumed mean a backlog: two heartbeats' worth of delay. */
    private final Duration backlogAfter;

    private volatile Instant assignedAt = Instant.now();
    private volatile Instant backlogAt = Instant.EPOCH;

    public UpdateAssignments(OrchestratorConfig config) {
        this.heartbeatTimeout = config.heartbeatTimeout();
        this.backlogAfter = config.heartbeatInterval().multipliedBy(2);
    }

    /** A batch of reports is being consumed; {@code oldest} is when the oldest of them was sent. */
    public void consuming(Instant oldest) {
        Instant now = Instant.now();
        if (oldest.plus(backlogAfter).isBefore(now)) {
            backlogAt = now;
        }
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            assignedAt = Instant.now();
        }
    }

    /** The first instant at which a silent attempt may be judged Crashed. */
    public Instant crashesJudgedFrom() {
        Instant settled = assignedAt.isAfter(backlogAt) ? assignedAt : backlogAt;
        return settled.plus(heartbeatTimeout);
    }
}
