package io.tributary.analytics.control;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import io.tributary.analytics.messaging.PartitionRewind;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * On every partition assignment, seeks back over the control retention, so a restarted instance knows the recent
 * cancels again before it executes the task messages they are about.
 */
@ApplicationScoped
@Identifier(ControlReplayListener.NAME)
public class ControlReplayListener implements KafkaConsumerRebalanceListener {
    public static final String NAME = "control-replay";

    private final ControlConfig config;
    private final ControlReplay replay;

    public ControlReplayListener(ControlConfig config, ControlReplay replay) {
        this.config = config;
        this.replay = replay;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Instant since = Instant.now().minus(config.retention());
        replay.expect(PartitionRewind.rewind(consumer, partitions, since));
        Log.debugf("Reading task control again from %s for %s", since, partitions);
    }
}
