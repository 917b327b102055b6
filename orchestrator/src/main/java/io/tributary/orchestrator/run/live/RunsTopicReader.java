package io.tributary.orchestrator.run.live;

import io.quarkus.logging.Log;
import io.tributary.contract.Topics;
import io.tributary.contract.json.Json;
import io.tributary.contract.json.MalformedMessageException;
import io.tributary.contract.run.RunChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A plain Kafka consumer of {@code tributary.runs} with partitions assigned by hand: no consumer group, no offsets
 * committed, since every replica (and every resuming subscriber) reads the whole topic from where it chooses. Keeps
 * its {@link Positions}. Like the consumer it wraps, to be used from one thread at a time; it blocks.
 */
final class RunsTopicReader implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final Set<Integer> assigned = new HashSet<>();
    private Positions positions = Positions.NONE;

    /** Numbers the consumers' client ids, which Kafka wants unique within a process (for its metrics). */
    private static final AtomicInteger READERS = new AtomicInteger();

    /**
     * @param kafka the service's Kafka client settings (bootstrap servers, security)
     * @param purpose what the reader is for, in its client id
     */
    RunsTopicReader(Map<String, Object> kafka, String purpose) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "tributary-runs-" + purpose + "-" + READERS.incrementAndGet());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Where a position is gone (past the topic's retention), read from the oldest record still there.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Reading must not create the topic with the broker's defaults: the outbox relay's first message does.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /** Threads for readers: named, and daemons, so that a reader never holds the JVM open past the service's end. */
    static ThreadFactory threads(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The topic's partitions now; empty while it does not exist. */
    Set<Integer> partitions(Duration timeout) {
        List<PartitionInfo> partitions = consumer.partitionsFor(Topics.RUNS, timeout);
        return partitions == null
                ? Set.of()
                : partitions.stream().map(PartitionInfo::partition).collect(Collectors.toSet());
    }

    Set<Integer> assigned() {
        return Set.copyOf(assigned);
    }

    /** Adds partitions, each read from the given position (its beginning where the positions name it not). */
    void assignFrom(Collection<Integer> partitions, Positions from) {
        assign(partitions);
        for (int partition : partitions) {
            consumer.seek(topicPartition(partition), from.of(partition));
        }
        settle(partitions);
    }

    /** Adds partitions, each read from its end: only records written from now on. */
    void assignAtEnd(Collection<Integer> partitions) {
        assign(partitions);
        consumer.seekToEnd(
                partitions.stream().map(RunsTopicReader::topicPartition).toList());
        settle(partitions);
    }

    /** The next records in the order read, each with the positions once read; unreadable ones skipped. */
    List<LiveChange> poll(Duration timeout) {
        List<LiveChange> changes = new ArrayList<>();
        for (ConsumerRecord<String, String> record : consumer.poll(timeout)) {
            positions = positions.with(record.partition(), record.offset() + 1);
            try {
                changes.add(new LiveChange(
                        Json.read(record.value(), RunChange.class), record.partition(), record.offset(), positions));
            } catch (MalformedMessageException e) {
                Log.warnf(
                        "Skipping unreadable run change at partition %d offset %d: %s",
                        record.partition(), record.offset(), e.getMessage());
            }
        }
        return changes;
    }

    Positions positions() {
        return positions;
    }

    /** Where the consumer will read next in the partition (past skipped records and gaps too). */
    long position(int partition) {
        return consumer.position(topicPartition(partition));
    }

    /** The offsets the partitions' next records will get. */
    Map<Integer, Long> ends(Collection<Integer> partitions) {
        Map<Integer, Long> ends = new HashMap<>();
        consumer.endOffsets(
                        partitions.stream().map(RunsTopicReader::topicPartition).toList())
                .forEach((partition, end) -> ends.put(partition.partition(), end));
        return ends;
    }

    /** Makes a blocked {@link #poll} return at once; callable from any thread. */
    void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close();
    }

    private void assign(Collection<Integer> partitions) {
        assigned.addAll(partitions);
        consumer.assign(assigned.stream().map(RunsTopicReader::topicPartition).toList());
    }

    /** Records where the new partitions start, now that their offsets are resolved. */
    private void settle(Collection<Integer> partitions) {
        for (int partition : partitions) {
            positions = positions.with(partition, position(partition));
        }
    }

    private static TopicPartition topicPartition(int partition) {
        return new TopicPartition(Topics.RUNS, partition);
    }
}
