package io.tributary.devstack.infra;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics from their beginning, each record once, for an observer (the status line, the benchmark). No consumer
 * group: its partitions are assigned as the topics appear (their first message creates them), because a group's
 * rebalance on each new topic would send an observer without committed offsets back to the beginning of every topic.
 * One thread only, like the consumer it wraps.
 */
public final class TopicReader implements AutoCloseable {
    /** How often to look for topics (and partitions) created since the last look. */
    private static final Duration DISCOVERY = Duration.ofSeconds(1);

    private final KafkaConsumer<String, String> consumer;
    private final List<String> topics;
    private final Set<TopicPartition> assigned = new HashSet<>();
    private long nextDiscovery;

    public TopicReader(String bootstrapServers, List<String> topics) {
        this.consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000"),
                new StringDeserializer(),
                new StringDeserializer());
        this.topics = List.copyOf(topics);
    }

    /** The next records, waiting at most {@code timeout}; empty while none of the topics exists yet. */
    public ConsumerRecords<String, String> poll(Duration timeout) {
        if (System.currentTimeMillis() >= nextDiscovery) {
            assignNewPartitions();
            nextDiscovery = System.currentTimeMillis() + DISCOVERY.toMillis();
        }
        if (assigned.isEmpty()) {
            ManagedProcess.pause();
            return ConsumerRecords.empty();
        }
        return consumer.poll(timeout);
    }

    private void assignNewPartitions() {
        Map<String, List<PartitionInfo>> existing = consumer.listTopics(Duration.ofSeconds(5));
        Set<TopicPartition> added = new HashSet<>();
        for (String topic : topics) {
            for (PartitionInfo partition : existing.getOrDefault(topic, List.of())) {
                TopicPartition tp = new TopicPartition(partition.topic(), partition.partition());
                if (!assigned.contains(tp)) {
                    added.add(tp);
                }
            }
        }
        if (!added.isEmpty()) {
            Set<TopicPartition> all = new HashSet<>(assigned);
            all.addAll(added);
            consumer.assign(all);
            consumer.seekToBeginning(added); // the others keep their position
            assigned.addAll(added);
        }
    }

    /** Makes a blocked {@link #poll} throw {@code WakeupException}; callable from any thread. */
    public void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
