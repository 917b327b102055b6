package io.tributary.devstack.bench;

import io.tributary.contract.Topics;
import io.tributary.contract.json.Json;
import io.tributary.contract.run.RunChange;
import io.tributary.contract.run.StateType;
import io.tributary.devstack.demo.DemoFlow;
import io.tributary.devstack.infra.JsonHttpServer;
import io.tributary.devstack.infra.MqttPublisher;
import io.tributary.devstack.infra.StackLogging;
import io.tributary.devstack.infra.TemporaryDirectory;
import io.tributary.devstack.stack.Stack;
import io.tributary.devstack.stack.StackPorts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * End-to-end throughput on one machine, against a baseline measured in the same run on the same broker: a plain
 * Kafka producer and consumer moving the same number of records. Prints rates and each stage's ratio to the
 * baseline. {@code ./bench.sh [readings]}.
 */
public final class Bench {
    private static final Duration LIMIT = Duration.ofMinutes(5);

    private Bench() {}

    public static void main(String[] args) throws Exception {
        StackLogging.configure();
        Logger log = Logger.getLogger("tributary.bench");
        int readings = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        StackPorts ports = StackPorts.free();
        // Closed in reverse: the stack stops before its data directory is deleted.
        try (TemporaryDirectory dataDir = new TemporaryDirectory("tributary-bench");
                JsonHttpServer api = new JsonHttpServer(ports.demoApi(), "/api/weather", () -> "[]");
                Stack stack = Stack.start(
                        Path.of(System.getProperty("tributary.root", ".")), dataDir.path(), ports, false, Map.of())) {
            DemoFlow.register(stack.orchestratorUrl());
            double baseline = baseline(stack.kafkaBootstrapServers(), readings);
            log.infof("baseline: raw Kafka produce+consume of %d records: %.0f records/s", readings, baseline);

            try (KafkaConsumer<String, String> consumer = consumer(stack.kafkaBootstrapServers());
                    MqttPublisher devices = new MqttPublisher("127.0.0.1", stack.mqttPort(), "bench-devices")) {
                consumer.subscribe(List.of(Topics.EVENTS, Topics.RUNS));
                awaitAssignment(consumer);
                // Distinct ids: a redelivered reading is one event, however often it crosses the bus.
                Set<String> events = new HashSet<>();
                Map<StateType, Long> finalRuns = new EnumMap<>(StateType.class);
                long start = System.nanoTime();
                Instant t0 = Instant.now();
                for (int i = 0; i < readings; i++) {
                    devices.publish(
                            "tributary/bench-" + (i % 10) + "/telemetry",
                            String.format(
                                    Locale.ROOT, "{\"temperature\": %d, \"ts\": \"%s\"}", i % 50, t0.plusMillis(i)));
                }
                double publishSeconds = (System.nanoTime() - start) / 1e9;
                long eventsDone = 0;
                Instant until = Instant.now().plus(LIMIT);
                while (finalRuns.values().stream().mapToLong(Long::longValue).sum() < readings
                        && Instant.now().isBefore(until)) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        if (r.topic().equals(Topics.EVENTS)) {
                            events.add(
                                    new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
                        } else {
                            RunChange change = Json.read(r.value(), RunChange.class);
                            if (change.taskRunId() == null && change.type().isFinal()) {
                                finalRuns.merge(change.type(), 1L, Long::sum);
                            }
                        }
                    }
                    if (eventsDone == 0 && events.size() >= readings) {
                        eventsDone = System.nanoTime();
                    }
                }
                double total = (System.nanoTime() - start) / 1e9;
                long completed = finalRuns.getOrDefault(StateType.COMPLETED, 0L);
                log.infof("MQTT publish (QoS 1, one at a time): %d readings in %.2f s", readings, publishSeconds);
                if (eventsDone == 0) {
                    log.infof(
                            "ingest: only %d of %d readings reached the bus within %s", events.size(), readings, LIMIT);
                } else {
                    double ingestRate = readings / ((eventsDone - start) / 1e9);
                    log.infof(
                            "ingest: %d readings -> events on the bus: %.0f events/s (%.3fx baseline)",
                            readings, ingestRate, ingestRate / baseline);
                }
                double runRate = completed / total;
                log.infof(
                        "orchestrate+analyse: runs by final state %s after %.2f s: %.0f COMPLETED runs/s (%.4fx"
                                + " baseline)",
                        finalRuns, total, runRate, runRate / baseline);
            }
        }
    }

    private static double baseline(String bootstrap, int n) {
        String topic = "bench.baseline." + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                        new StringSerializer(),
                        new StringSerializer());
                KafkaConsumer<String, String> consumer = consumer(bootstrap)) {
            consumer.subscribe(List.of(topic));
            producer.send(new ProducerRecord<>(topic, "warm-up", "{}")); // creates the topic
            producer.flush();
            awaitAssignment(consumer);
            consumer.poll(Duration.ofMillis(500));
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + (i % 10), "{\"temperature\": " + i + "}"));
            }
            producer.flush();
            long received = 0;
            while (received < n) {
                received += consumer.poll(Duration.ofMillis(200)).count();
            }
            return n / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "bench-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "latest"),
                new StringDeserializer(),
                new StringDeserializer());
    }

    private static void awaitAssignment(KafkaConsumer<String, String> consumer) {
        Instant until = Instant.now().plusSeconds(30);
        while (consumer.assignment().isEmpty() && Instant.now().isBefore(until)) {
            consumer.poll(Duration.ofMillis(100));
        }
    }
}
