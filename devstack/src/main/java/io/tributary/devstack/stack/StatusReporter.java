package io.tributary.devstack.stack;

import io.tributary.contract.Topics;
import io.tributary.contract.json.Json;
import io.tributary.contract.run.RunChange;
import io.tributary.devstack.infra.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/**
 * Reads the platform's topics from the beginning and logs a status line every few seconds: the services' state,
 * events in per source, flow runs by current state, results out, dead letters.
 *
 * <p>Counts never exceed what the topics hold, and a redelivered message counts once: each record is read once
 * ({@link TopicReader}), events and results count distinct CloudEvent ids ({@code ce_id}: a redelivered reading, or
 * a result computed again for the same attempt, keeps its id), runs distinct run ids, dead letters distinct offsets.
 * The sets of ids grow with the data, a few MB per hundred thousand messages: fine for a development stack.
 */
public final class StatusReporter implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger("tributary.status");

    private final TopicReader reader;
    private final Supplier<String> services;
    private final Thread thread;
    // Touched by the reporter's thread only.
    private final Map<String, Set<String>> eventsBySource = new HashMap<>();
    private final Map<UUID, RunChange> runs = new HashMap<>();
    private final Set<String> results = new HashSet<>();
    private final Set<String> deadLetters = new HashSet<>();
    private volatile boolean closed;

    /** @param services the services' state for the line, e.g. {@link Stack#serviceStatus()} */
    public StatusReporter(String bootstrapServers, Duration every, Supplier<String> services) {
        this.reader = new TopicReader(
                bootstrapServers, List.of(Topics.EVENTS, Topics.RUNS, Topics.RESULTS, Topics.EVENTS_DLQ));
        this.services = services;
        this.thread = new Thread(() -> run(every), "status-reporter");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(Duration every) {
        try {
            long nextLine = System.currentTimeMillis() + every.toMillis();
            while (!closed) {
                reader.poll(Duration.ofMillis(500)).forEach(this::countReadable);
                if (System.currentTimeMillis() >= nextLine) {
                    LOG.info(line());
                    nextLine += every.toMillis();
                }
            }
        } catch (WakeupException stopping) {
            // close() woke the reader up.
        } catch (RuntimeException e) {
            if (!closed) {
                LOG.warnf("Status line stopped: %s", e.getMessage());
            }
        } finally {
            reader.close();
        }
    }

    private void countReadable(ConsumerRecord<String, String> record) {
        try {
            count(record);
        } catch (RuntimeException unreadable) {
            LOG.debugf("Not counted: %s at %d@%d: %s", record.topic(), record.partition(), record.offset(), unreadable);
        }
    }

    private void count(ConsumerRecord<String, String> record) {
        switch (record.topic()) {
            case Topics.EVENTS ->
                eventsBySource
                        .computeIfAbsent(header(record, "ce_source"), k -> new HashSet<>())
                        .add(idOf(record));
            case Topics.RUNS -> {
                RunChange change = Json.read(record.value(), RunChange.class);
                if (change.taskRunId() == null) {
                    runs.merge(change.flowRunId(), change, StatusReporter::later);
                }
            }
            case Topics.RESULTS -> results.add(idOf(record));
            default -> deadLetters.add(record.partition() + "@" + record.offset());
        }
    }

    /** A run's state is its newest change: an older change redelivered after it changes nothing. */
    static RunChange later(RunChange known, RunChange change) {
        if (known.timestamp() == null || change.timestamp() == null) {
            return known.type().isFinal() ? known : change;
        }
        return change.timestamp().isBefore(known.timestamp()) ? known : change;
    }

    private String line() {
        Map<String, Long> runsByState = runs.values().stream()
                .collect(Collectors.groupingBy(c -> c.type().name(), TreeMap::new, Collectors.counting()));
        Map<String, Integer> events = new TreeMap<>();
        eventsBySource.forEach((source, ids) -> events.put(source, ids.size()));
        return "services " + services.get() + " | events in " + events + " | runs " + runsByState + " | results out "
                + results.size() + " | dead letters " + deadLetters.size();
    }

    /** The CloudEvent id; a record without one is its own identity. */
    static String idOf(ConsumerRecord<String, String> record) {
        Header id = record.headers().lastHeader("ce_id");
        return id == null ? record.partition() + "@" + record.offset() : new String(id.value(), StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "?" : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        closed = true;
        reader.wakeup();
    }
}
