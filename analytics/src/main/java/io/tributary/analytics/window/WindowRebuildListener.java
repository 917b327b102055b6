package io.tributary.analytics.window;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import io.tributary.analytics.AnalyticsConfig;
import io.tributary.analytics.messaging.PartitionRewind;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * On every partition assignment, seeks to the first record of the retention period, so a restarted (or newly
 * scaled-out) instance rebuilds its windows from Kafka instead of starting empty.
 */
@ApplicationScoped
@Identifier(WindowRebuildListener.NAME)
public class WindowRebuildListener implements KafkaConsumerRebalanceListener {
    public static final String NAME = "window-rebuild";

    private final AnalyticsConfig config;

    public WindowRebuildListener(AnalyticsConfig config) {
        this.config = config;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Instant since = Instant.now().minus(config.retention());
        PartitionRewind.rewind(consumer, partitions, since);
        Log.infof("Rebuilding series windows from %s for %s", since, partitions);
    }
}
