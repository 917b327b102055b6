package io.tributary.iot.metrics;

import io.tributary.contract.dlq.DeadLetterReason;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * What ingest-iot counts, per subscription: messages in, events out, dead letters by reason, and the lag from a
 * reading's device time to its event's acknowledgement by Kafka. Plain counters now; their exposition (Micrometer)
 * comes with the observability work.
 */
@ApplicationScoped
public class IntakeCounters {
    private final Map<String, LongAdder> messagesIn = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> eventsOut = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> deadLetters = new ConcurrentHashMap<>();
    private final Map<String, Lag> lags = new ConcurrentHashMap<>();

    public void messageIn(String subscription) {
        messagesIn.computeIfAbsent(subscription, s -> new LongAdder()).increment();
    }

    public void eventOut(String subscription, Duration lag) {
        eventsOut.computeIfAbsent(subscription, s -> new LongAdder()).increment();
        lags.computeIfAbsent(subscription, s -> new Lag()).record(Math.max(0, lag.toMillis()));
    }

    public void deadLetter(String subscription, DeadLetterReason reason) {
        deadLetters
                .computeIfAbsent(subscription + "/" + reason, s -> new LongAdder())
                .increment();
    }

    public Snapshot snapshot() {
        Map<String, LagSnapshot> lagSnapshot = new TreeMap<>();
        lags.forEach((subscription, lag) -> lagSnapshot.put(subscription, lag.snapshot()));
        return new Snapshot(sums(messagesIn), sums(eventsOut), sums(deadLetters), lagSnapshot);
    }

    /**
     * @param deadLetters by {@code <subscription>/<reason>}
     */
    public record Snapshot(
            Map<String, Long> messagesIn,
            Map<String, Long> eventsOut,
            Map<String, Long> deadLetters,
            Map<String, LagSnapshot> lag) {

        public long messagesIn(String subscription) {
            return messagesIn.getOrDefault(subscription, 0L);
        }

        public long eventsOut(String subscription) {
            return eventsOut.getOrDefault(subscription, 0L);
        }

        public long deadLetters(String subscription, DeadLetterReason reason) {
            return deadLetters.getOrDefault(subscription + "/" + reason, 0L);
        }
    }

    /** Device time to Kafka acknowledgement, in milliseconds. */
    public record LagSnapshot(long count, long totalMillis, long maxMillis) {}

    private static Map<String, Long> sums(Map<String, LongAdder> counters) {
        Map<String, Long> sums = new TreeMap<>();
        counters.forEach((key, adder) -> sums.put(key, adder.sum()));
        return sums;
    }

    private static final class Lag {
        private final LongAdder count = new LongAdder();
        private final LongAdder total = new LongAdder();
        private final LongAccumulator max = new LongAccumulator(Math::max, 0);

        void record(long millis) {
            count.increment();
            total.add(millis);
            max.accumulate(millis);
        }

        LagSnapshot snapshot() {
            return new LagSnapshot(count.sum(), total.sum(), max.get());
        }
    }
}
