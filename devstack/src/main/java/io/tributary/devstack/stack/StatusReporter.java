package io.tributary.devstack.stack;

import io.tributary.contract.Topics;
import io.tributary.contract.json.Json;
import io.tributary.contract.run.RunChange;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads the platform's topics from the beginning and logs a status line every few seconds: events in per source,
 * flow runs by current state, results out, dead letters.
 */
public final class StatusReporter implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger("tributary.status");
    /** A pattern, not a list: the topics are created by the first message, which may come after this starts. */
    private static final Pattern TOPICS =
            Pattern.compile(Pattern.quote(Topics.EVENTS) + "|" + Pattern.quote(Topics.RUNS) + "|"
                    + Pattern.quote(Topics.RESULTS) + "|" + Pattern.quote(Topics.EVENTS_DLQ));

    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private final Map<String, Long> eventsBySource = new ConcurrentHashMap<>();
    private final Map<UUID, String> runStates = new ConcurrentHashMap<>();
    private volatile long results;
    private volatile long deadLetters;

    public StatusReporter(String bootstrapServers, Duration every) {
        this.consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG, "tributary-status-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                        // Notices the topics soon after their first message creates them.
                        ConsumerConfig.METADATA_MAX_AGE_CONFIG, "2000"),
                new StringDeserializer(),
                new StringDeserializer());
        this.thread = new Thread(() -> run(every), "status-reporter");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(Duration every) {
        try {
            consumer.subscribe(TOPICS);
            long nextLine = System.currentTimeMillis() + every.toMillis();
            while (true) {
                consumer.poll(Duration.ofMillis(500)).forEach(this::count);
                if (System.currentTimeMillis() >= nextLine) {
                    LOG.info(line());
                    nextLine += every.toMillis();
                }
            }
        } catch (WakeupException stopping) {
            // close() woke the consumer up.
        } finally {
            consumer.close();
        }
    }

    private void count(ConsumerRecord<String, String> record) {
        switch (record.topic()) {
            case Topics.EVENTS -> eventsBySource.merge(header(record, "ce_source"), 1L, Long::sum);
            case Topics.RUNS -> {
                RunChange change = Json.read(record.value(), RunChange.class);
                if (change.taskRunId() == null) {
                    runStates.put(change.flowRunId(), change.type().name());
                }
            }
            case Topics.RESULTS -> results++;
            default -> deadLetters++;
        }
    }

    private String line() {
        Map<String, Long> runs =
                runStates.values().stream().collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
        return "events in " + new TreeMap<>(eventsBySource) + " | runs " + runs + " | results out " + results
                + " | dead letters " + deadLetters;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "?" : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.wakeup();
    }
}
