package io.tributary.orchestrator.run.live;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Reads {@code tributary.runs} on this replica and publishes every change to {@link LiveChanges}: one consumer per
 * replica, whatever the number of subscribers. It starts at the end of the partitions that exist when the service
 * starts (subscribers follow what happens from now on; a resume reads the past with a consumer of its own), and
 * reads partitions that appear later from their beginning, since all they hold is newer. On a thread of its own:
 * the Kafka consumer blocks.
 */
@ApplicationScoped
public class RunChangeFeed {
    private static final Duration POLL = Duration.ofMillis(500);
    /** How often the topic's partitions are looked up: soon while it does not exist, rarely once it is read. */
    private static final Duration LOOKUP_WHILE_NONE = Duration.ofSeconds(1);

    /** See {@link #LOOKUP_WHILE_NONE}. */
    private static final Duration LOOKUP = Duration.ofSeconds(30);

    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final Map<String, Object> kafka;
    private final LiveChanges live;
    private final ExecutorService thread =
            Executors.newSingleThreadExecutor(RunsTopicReader.threads("run-change-feed"));
    private volatile boolean running = true;
    private volatile RunsTopicReader reader;

    public RunChangeFeed(@Identifier("default-kafka-broker") Map<String, Object> kafka, LiveChanges live) {
        this.kafka = kafka;
        this.live = live;
    }

    void start(@Observes StartupEvent ignored) {
        thread.execute(this::read);
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        running = false;
        RunsTopicReader current = reader;
        if (current != null) {
            current.wakeup();
        }
        thread.shutdown();
        thread.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void read() {
        try (RunsTopicReader topic = new RunsTopicReader(kafka, "feed")) {
            reader = topic;
            boolean firstLookup = true;
            long lookupAt = System.nanoTime();
            while (running) {
                try {
                    if (System.nanoTime() - lookupAt >= 0) {
                        assignNew(topic, firstLookup);
                        firstLookup = false;
                        lookupAt =
                                System.nanoTime() + (topic.assigned().isEmpty() ? LOOKUP_WHILE_NONE : LOOKUP).toNanos();
                    }
                    if (topic.assigned().isEmpty()) {
                        TimeUnit.NANOSECONDS.sleep(POLL.toNanos());
                        continue;
                    }
                    topic.poll(POLL).forEach(live::publish);
                    // Past records skipped as unreadable too.
                    live.moved(topic.positions());
                } catch (WakeupException e) {
                    // stop() woke the poll: the loop ends.
                } catch (KafkaException e) {
                    Log.warnf("Reading tributary.runs for live subscribers failed, retrying: %s", e.getMessage());
                    TimeUnit.NANOSECONDS.sleep(RETRY.toNanos());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            live.close();
        }
    }

    /**
     * Assigns the partitions not read yet: at their end on the first lookup (what they hold happened before this
     * replica started), from their beginning after it (they were created since).
     */
    private void assignNew(RunsTopicReader topic, boolean firstLookup) {
        Set<Integer> added = new HashSet<>(topic.partitions(LOOKUP_TIMEOUT));
        added.removeAll(topic.assigned());
        if (added.isEmpty()) {
            return;
        }
        if (firstLookup) {
            topic.assignAtEnd(added);
        } else {
            topic.assignFrom(added, Positions.NONE);
        }
        live.moved(topic.positions());
    }
}
