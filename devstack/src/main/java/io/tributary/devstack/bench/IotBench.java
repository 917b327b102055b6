package io.tributary.devstack.bench;

import io.tributary.devstack.infra.KafkaBroker;
import io.tributary.devstack.infra.MqttBroker;
import io.tributary.devstack.infra.PipelinedMqttPublisher;
import io.tributary.devstack.infra.Ports;
import io.tributary.devstack.infra.StackLogging;
import io.tributary.devstack.infra.TemporaryDirectory;
import io.tributary.devstack.stack.ServiceProcess;
import io.tributary.devstack.stack.Stack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/**
 * MQTT → Kafka throughput and latency of ingest-iot against a raw bridge measured in the same run on the same
 * machine ({@link RawMqttBridge}: same MQTT client, QoS 1 with PUBACK after Kafka's ack, same producer acks; no
 * decoding). A program that prints figures, not a test: {@code ./bench.sh --iot [--messages N] [--clients C]
 * [--in-flight W] [--seconds S] [--warmup-seconds S]}.
 *
 * <p>For each of the two: a warm-up ({@code --warmup-seconds} at {@value #WARMUP_RATE} readings/s, then a burst of
 * 20,000: a burst right after start measured ingest-iot's JIT compiling its hot path, 0.30–0.45× the bridge, where
 * the same burst after a longer warm-up gave more), then a burst of {@code --messages} readings from {@code --clients} pipelined
 * QoS 1 publishers (each {@code --in-flight} publishes in flight), timed from the first publish to the last record on
 * Kafka; then readings paced for {@code --seconds} at half its own burst rate and, for ingest-iot, also at half the
 * bridge's (the target), with p50/p99 from publish to the Kafka record (the producer's timestamp). ingest-iot runs as
 * a separate JVM with its production settings.
 */
public final class IotBench {
    static {
        StackLogging.configure();
    }

    private static final Logger LOG = Logger.getLogger("tributary.bench");
    private static final String RAW_TOPIC = "bench.raw";
    private static final Duration ARRIVAL_BOUND = Duration.ofMinutes(5);
    /** Readings per second while warming up: well within what either intake takes. */
    private static final int WARMUP_RATE = 5_000;

    private static final int DEVICES = 100;
    private static final Pattern TS = Pattern.compile("\"ts\": \"([^\"]+)\"");

    /** What one intake did: its burst rate, and latency at each paced rate. */
    record Measured(String name, double perSecond, List<Paced> paced) {}

    /** Readings paced at {@code rate}/s: how long they took from publish to Kafka. */
    record Paced(int rate, int readings, long p50, long p99) {}

    private IotBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = options(args);
        int messages = options.getOrDefault("--messages", 50_000);
        int clients = options.getOrDefault("--clients", 4);
        int inFlight = options.getOrDefault("--in-flight", 256);
        int seconds = options.getOrDefault("--seconds", 20);
        int warmupSeconds = options.getOrDefault("--warmup-seconds", 20);
        Path root = Path.of(System.getProperty("tributary.root", "."));
        try (TemporaryDirectory data = new TemporaryDirectory("tributary-bench-iot");
                KafkaBroker kafka = KafkaBroker.start(Ports.free(), data.path().resolve("kafka"), 4)) {
            MqttBroker mqtt = MqttBroker.start(Ports.free(), data.path().resolve("mqtt"));
            try {
                String bootstrap = kafka.bootstrapServers();
                createTopics(bootstrap, RAW_TOPIC, "tributary.events", "tributary.events.dlq");
                Measured bridge;
                try (RawMqttBridge ignored = new RawMqttBridge(
                                "127.0.0.1",
                                mqtt.port(),
                                Stack.MQTT_TOPIC_PREFIX + "+/telemetry",
                                bootstrap,
                                RAW_TOPIC);
                        TopicMeter meter = new TopicMeter(bootstrap, RAW_TOPIC, IotBench::publishedInPayload)) {
                    bridge = measure(
                            "raw bridge", mqtt.port(), meter, messages, clients, inFlight, seconds, warmupSeconds, 0);
                }
                Path logs = Files.createDirectories(data.path().resolve("logs"));
                ServiceProcess iot = ServiceProcess.start(
                        root,
                        "ingest-iot",
                        Ports.free(),
                        Map.of(
                                "kafka.bootstrap.servers",
                                bootstrap,
                                "tributary.iot.host",
                                "127.0.0.1",
                                "tributary.iot.port",
                                Integer.toString(mqtt.port()),
                                "tributary.iot.client-id",
                                "bench-ingest-iot"),
                        logs);
                Measured ingest;
                try (iot;
                        TopicMeter meter = new TopicMeter(bootstrap, "tributary.events", IotBench::eventTime)) {
                    iot.awaitReady(Duration.ofMinutes(2));
                    ingest = measure(
                            "ingest-iot",
                            mqtt.port(),
                            meter,
                            messages,
                            clients,
                            inFlight,
                            seconds,
                            warmupSeconds,
                            bridge.paced().get(0).rate());
                }
                System.out.println(report(bridge, ingest, messages, clients, inFlight));
            } finally {
                mqtt.close();
            }
        }
        System.exit(0);
    }

    private static Measured measure(
            String name,
            int mqttPort,
            TopicMeter meter,
            int messages,
            int clients,
            int inFlight,
            int seconds,
            int warmupSeconds,
            int pacedRate)
            throws Exception {
        List<PipelinedMqttPublisher> connections = new ArrayList<>();
        ExecutorService publishers = Executors.newFixedThreadPool(clients);
        try {
            for (int c = 0; c < clients; c++) {
                connections.add(new PipelinedMqttPublisher(
                        "127.0.0.1", mqttPort, "bench-iot-" + name.hashCode() + "-" + c, inFlight));
            }
            LOG.infof("%s: warm-up", name);
            if (warmupSeconds > 0) {
                publish(
                        publishers,
                        connections,
                        name + "-wp",
                        WARMUP_RATE * warmupSeconds,
                        WARMUP_RATE,
                        warmupSeconds,
                        meter);
            }
            publish(publishers, connections, name + "-w", Math.min(messages, 20_000), 0, 0, meter);

            meter.reset();
            long start = System.nanoTime();
            publish(publishers, connections, name + "-b", messages, 0, 0, meter);
            double perSecond = messages / ((meter.lastArrivalNanos() - start) / 1e9);
            LOG.infof("%s: burst of %d: %.0f/s", name, messages, perSecond);

            // Half its own rate; and the rate asked of it (half the bridge's), when that differs.
            List<Integer> rates = new ArrayList<>(List.of((int) Math.max(1, perSecond / 2)));
            if (pacedRate > 0 && pacedRate != rates.get(0)) {
                rates.add(pacedRate);
            }
            List<Paced> paced = new ArrayList<>();
            for (int rate : rates) {
                meter.reset();
                int readings =
                        publish(publishers, connections, name + "-p" + rate, rate * seconds, rate, seconds, meter);
                List<Long> latencies = meter.latencies();
                paced.add(new Paced(
                        rate, readings, PhaseResult.percentile(latencies, 50), PhaseResult.percentile(latencies, 99)));
                LOG.infof("%s: %d paced at %d/s", name, readings, rate);
            }
            return new Measured(name, perSecond, paced);
        } finally {
            publishers.shutdownNow();
            connections.forEach(PipelinedMqttPublisher::close);
        }
    }

    /**
     * The clients publish {@code total} readings between them (as fast as they can when {@code rate} is 0), then
     * this waits until all arrived on Kafka.
     */
    private static int publish(
            ExecutorService pool,
            List<PipelinedMqttPublisher> connections,
            String phase,
            int total,
            int rate,
            int seconds,
            TopicMeter meter)
            throws Exception {
        long before = meter.count();
        Instant stopBy = Instant.now().plus(ARRIVAL_BOUND);
        List<Future<LoadPublisher.Published>> sent = new ArrayList<>();
        int share = total / connections.size();
        for (int c = 0; c < connections.size(); c++) {
            LoadPublisher load = new LoadPublisher(connections.get(c), DEVICES);
            String clientPhase = phase + c;
            sent.add(pool.submit(() -> {
                LoadPublisher.Published published = rate == 0
                        ? load.burst(clientPhase, share, stopBy)
                        : load.paced(
                                clientPhase,
                                Math.max(1, rate / connections.size()),
                                Duration.ofSeconds(seconds),
                                stopBy);
                load.flush();
                return published;
            }));
        }
        int published = 0;
        for (Future<LoadPublisher.Published> future : sent) {
            published +=
                    future.get(ARRIVAL_BOUND.toMillis(), TimeUnit.MILLISECONDS).readings();
        }
        if (!meter.await(before + published, ARRIVAL_BOUND)) {
            throw new IllegalStateException(phase + ": only " + (meter.count() - before) + " of " + published
                    + " readings reached Kafka within " + ARRIVAL_BOUND);
        }
        return published;
    }

    private static String report(Measured bridge, Measured ingest, int messages, int clients, int inFlight) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%nMQTT → Kafka (one machine of %d cores, one run): %,d readings from %d QoS 1 publishers, %d in"
                        + " flight each%n%n",
                Runtime.getRuntime().availableProcessors(),
                messages,
                clients,
                inFlight));
        out.append("| intake | burst readings/s | vs raw bridge | paced at /s | publish→Kafka p50 / p99 |\n");
        out.append("| --- | --- | --- | --- | --- |\n");
        for (Measured m : List.of(bridge, ingest)) {
            for (Paced paced : m.paced()) {
                out.append(String.format(
                        Locale.ROOT,
                        "| %s | %,.0f | %.2f | %,d | %d ms / %d ms |%n",
                        m.name(),
                        m.perSecond(),
                        m.perSecond() / bridge.perSecond(),
                        paced.rate(),
                        paced.p50(),
                        paced.p99()));
            }
        }
        return out.toString();
    }

    private static Instant publishedInPayload(ConsumerRecord<String, byte[]> record) {
        Matcher ts = TS.matcher(new String(record.value(), StandardCharsets.UTF_8));
        return ts.find() ? Instant.parse(ts.group(1)) : null;
    }

    private static Instant eventTime(ConsumerRecord<String, byte[]> record) {
        Header time = record.headers().lastHeader("ce_time");
        return time == null
                ? null
                : OffsetDateTime.parse(new String(time.value(), StandardCharsets.UTF_8))
                        .toInstant();
    }

    private static void createTopics(String bootstrap, String... topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<NewTopic> created = new ArrayList<>();
            for (String topic : topics) {
                created.add(new NewTopic(topic, 4, (short) 1));
            }
            admin.createTopics(created).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static Map<String, Integer> options(String[] args) {
        Map<String, Integer> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], Integer.parseInt(args[i + 1]));
        }
        return options;
    }
}
