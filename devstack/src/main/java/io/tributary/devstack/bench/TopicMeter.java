package io.tributary.devstack.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Counts what arrives on a topic and how long each record took from its device: the Kafka timestamp (the producer's
 * clock, when the bridge or ingest-iot sent it) minus the instant the reading was published. One clock: one machine.
 */
final class TopicMeter implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private final Function<ConsumerRecord<String, byte[]>, Instant> publishedAt;
    private final AtomicLong count = new AtomicLong();
    private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    private volatile long lastArrivalNanos;

    TopicMeter(String bootstrap, String topic, Function<ConsumerRecord<String, byte[]>, Instant> publishedAt) {
        this.publishedAt = publishedAt;
        this.consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "bench-iot-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "latest"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        // Positioned at the end before anything is measured.
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
        thread = new Thread(this::poll, "bench-iot-meter-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    private void poll() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                var records = consumer.poll(Duration.ofMillis(100));
                for (ConsumerRecord<String, byte[]> record : records) {
                    Instant published = publishedAt.apply(record);
                    if (published != null) {
                        latencies.add(record.timestamp() - published.toEpochMilli());
                    }
                    lastArrivalNanos = System.nanoTime();
                }
                if (!records.isEmpty()) {
                    synchronized (this) {
                        count.addAndGet(records.count());
                        notifyAll();
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    /** Forgets what arrived so far: a new phase starts. */
    void reset() {
        count.set(0);
        latencies.clear();
    }

    long count() {
        return count.get();
    }

    /** Waits until {@code expected} records arrived since the last reset, or the bound passed; true if they did. */
    synchronized boolean await(long expected, Duration bound) throws InterruptedException {
        long until = System.nanoTime() + bound.toNanos();
        for (long left = bound.toNanos(); count.get() < expected && left > 0; left = until - System.nanoTime()) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return count.get() >= expected;
    }

    long lastArrivalNanos() {
        return lastArrivalNanos;
    }

    /** The latencies of the phase so far, in milliseconds, sorted. */
    List<Long> latencies() {
        synchronized (latencies) {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return sorted;
        }
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join(5_000);
    }
}
