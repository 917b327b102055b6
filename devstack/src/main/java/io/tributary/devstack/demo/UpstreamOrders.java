package io.tributary.devstack.demo;

import io.tributary.devstack.stack.Stack;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** A producer on the upstream topic, standing in for another team's Kafka cluster: an order every two seconds. */
public final class UpstreamOrders implements AutoCloseable {
    private final KafkaProducer<String, String> producer;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Random random = new Random();
    private long next = 1;

    public UpstreamOrders(String bootstrapServers) {
        this.producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new StringSerializer());
        scheduler.scheduleAtFixedRate(this::produce, 1, 2, TimeUnit.SECONDS);
    }

    private void produce() {
        String id = "order-" + Instant.now().getEpochSecond() + "-" + next++;
        String order = String.format(
                Locale.ROOT,
                "{\"orderId\":\"%s\",\"amount\":%.2f,\"items\":%d,\"customer\":\"c-%d\",\"ts\":\"%s\"}",
                id,
                5 + random.nextDouble() * 95,
                1 + random.nextInt(5),
                random.nextInt(20),
                Instant.now());
        producer.send(new ProducerRecord<>(Stack.UPSTREAM_TOPIC, id, order));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        producer.close();
    }
}
