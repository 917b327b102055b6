package io.tributary.analytics.messaging;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/** Rewinds a consumer in time, for the consumers that rebuild in-memory state from a topic at start. */
public final class PartitionRewind {
    private PartitionRewind() {}

    /**
     * Seeks each partition to its first record at or after {@code since}, or to its end when it has none.
     *
     * @return for each partition with records to read again, the end offset the replay has to reach; a partition
     *     with nothing to replay is absent
     */
    public static Map<TopicPartition, Long> rewind(
            Consumer<?, ?> consumer, Collection<TopicPartition> partitions, Instant since) {
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, since.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(query);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> toReplay = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = offsets.get(partition);
            long end = ends.get(partition);
            long from = offset != null ? offset.offset() : end;
            consumer.seek(partition, from);
            if (from < end) {
                toReplay.put(partition, end);
            }
        }
        return toReplay;
    }
}
