package io.tributary.devstack.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the broker itself moves on this machine: a batching producer (acks=all, idempotent, as the services' are)
 * and a consumer reading the same records concurrently, on a topic of its own with the stack's partition count.
 * Records are the size of a measurement event. A warm-up round runs first and is not timed.
 */
final class KafkaBaseline {
    private static final int PARTITIONS = 4;
    private static final Duration BOUND = Duration.ofMinutes(3);

    /** @param endToEnd records per second from the first send to the last record consumed */
    record Result(int records, double endToEnd, double produce) {}

    private KafkaBaseline() {}

    static Result run(String bootstrap, int records) throws Exception {
        String topic = "bench.baseline." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                                ProducerConfig.ACKS_CONFIG, "all",
                                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                                ProducerConfig.LINGER_MS_CONFIG, "5",
                                ProducerConfig.BATCH_SIZE_CONFIG, "65536"),
                        new StringSerializer(),
                        new StringSerializer());
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                        new StringDeserializer(),
                        new StringDeserializer())) {
            consumer.assign(IntStream.range(0, PARTITIONS)
                    .mapToObj(p -> new TopicPartition(topic, p))
                    .toList());
            int warmup = Math.min(records, 20_000);
            produce(producer, topic, warmup);
            consume(consumer, warmup);

            long start = System.nanoTime();
            CompletableFuture<Long> consumed = CompletableFuture.supplyAsync(() -> consume(consumer, records));
            produce(producer, topic, records);
            long produced = System.nanoTime();
            long end = consumed.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            return new Result(records, records / ((end - start) / 1e9), records / ((produced - start) / 1e9));
        }
    }

    private static void produce(KafkaProducer<String, String> producer, String topic, int n) {
        for (int i = 0; i < n; i++) {
            String value = "{\"specversion\":\"1.0\",\"device\":\"baseline-d" + (i % 100) + "\",\"seq\":" + i
                    + ",\"metrics\":{\"temperature\":" + (20 + i % 50) + "},\"time\":\"2026-01-01T00:00:00Z\"}";
            producer.send(new ProducerRecord<>(topic, "/iot/devices|baseline-d" + (i % 100), value));
        }
        producer.flush();
    }

    /** Consumes n records; returns System.nanoTime() when the last arrived. */
    private static long consume(KafkaConsumer<String, String> consumer, int n) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        long received = 0;
        while (received < n) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("baseline: only " + received + " of " + n + " records within " + BOUND);
            }
            received += consumer.poll(Duration.ofMillis(100)).count();
        }
        return System.nanoTime();
    }
}
