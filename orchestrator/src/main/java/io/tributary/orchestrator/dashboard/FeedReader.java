package io.tributary.orchestrator.dashboard;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.tributary.http.LogSafe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Tails the events, dead letters and results for the dashboard: one plain Kafka consumer per replica, on a thread of
 * its own, partitions assigned by hand (no consumer group, nothing committed: every replica shows everything). Each
 * partition is read from a little before its end, so that the pages open with the newest items and the sparklines
 * with their recent past.
 */
@ApplicationScoped
public class FeedReader {
    private static final Duration POLL = Duration.ofMillis(500);
    /** How often partitions are looked up: soon while a topic has none, rarely once all are read. */
    private static final Duration LOOKUP_WHILE_MISSING = Duration.ofSeconds(1);

    /** See {@link #LOOKUP_WHILE_MISSING}. */
    private static final Duration LOOKUP = Duration.ofSeconds(30);

    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RETRY = Duration.ofSeconds(2);

    /** Numbers the consumers' client ids, which Kafka wants unique within a process. */
    private static final AtomicInteger READERS = new AtomicInteger();

    private final Map<String, Object> kafka;
    private final DashboardConfig config;
    private final FeedRecords records;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread reader = new Thread(runnable, "dashboard-feed");
        reader.setDaemon(true);
        return reader;
    });
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, byte[]> consumer;

    public FeedReader(
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            DashboardConfig config,
            FeedRecords records) {
        this.kafka = kafka;
        this.config = config;
        this.records = records;
    }

    void start(@Observes StartupEvent ignored) {
        if (config.feed()) {
            thread.execute(this::read);
        }
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        thread.shutdown();
        thread.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void read() {
        try (KafkaConsumer<String, byte[]> reader = newConsumer()) {
            consumer = reader;
            Set<TopicPartition> assigned = new HashSet<>();
            long lookupAt = System.nanoTime();
            while (running) {
                try {
                    if (System.nanoTime() - lookupAt >= 0) {
                        boolean complete = assignNew(reader, assigned);
                        lookupAt = System.nanoTime() + (complete ? LOOKUP : LOOKUP_WHILE_MISSING).toNanos();
                    }
                    if (assigned.isEmpty()) {
                        TimeUnit.NANOSECONDS.sleep(POLL.toNanos());
                        continue;
                    }
                    for (ConsumerRecord<String, byte[]> record : reader.poll(POLL)) {
                        read(record);
                    }
                } catch (WakeupException e) {
                    // stop() woke the poll: the loop ends.
                } catch (KafkaException e) {
                    Log.warnf("Reading the dashboard's feeds failed, retrying: %s", e.getMessage());
                    TimeUnit.NANOSECONDS.sleep(RETRY.toNanos());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One record the feeds cannot show is skipped, not the end of them. */
    private void read(ConsumerRecord<String, byte[]> record) {
        try {
            records.read(record);
        } catch (RuntimeException e) {
            Log.warnf(
                    "Skipping %s record at partition %d offset %d for the dashboard: %s",
                    record.topic(), record.partition(), record.offset(), LogSafe.text(String.valueOf(e)));
        }
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        Map<String, Object> settings = new HashMap<>(kafka);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "tributary-dashboard-" + READERS.incrementAndGet());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Reading must not create a topic with the broker's defaults.
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        return new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Assigns the partitions not read yet, each from {@code recent} records before its end.
     *
     * @return whether every topic has partitions
     */
    private boolean assignNew(KafkaConsumer<String, byte[]> reader, Set<TopicPartition> assigned) {
        List<TopicPartition> added = new ArrayList<>();
        boolean complete = true;
        for (FeedKind kind : FeedKind.values()) {
            List<PartitionInfo> partitions = reader.partitionsFor(kind.topic(), LOOKUP_TIMEOUT);
            if (partitions == null || partitions.isEmpty()) {
                complete = false;
                continue;
            }
            for (PartitionInfo partition : partitions) {
                TopicPartition topicPartition = new TopicPartition(partition.topic(), partition.partition());
                if (!assigned.contains(topicPartition)) {
                    added.add(topicPartition);
                }
            }
        }
        if (!added.isEmpty()) {
            // Where to start is known before the partitions are taken on: should looking it up fail, they are
            // looked up again rather than read from their beginning.
            Map<TopicPartition, Long> begin = reader.beginningOffsets(added);
            Map<TopicPartition, Long> end = reader.endOffsets(added);
            Set<TopicPartition> all = new HashSet<>(assigned);
            all.addAll(added);
            reader.assign(all);
            for (TopicPartition partition : added) {
                reader.seek(partition, Math.max(begin.get(partition), end.get(partition) - config.recent()));
            }
            assigned.addAll(added);
        }
        return complete;
    }
}
