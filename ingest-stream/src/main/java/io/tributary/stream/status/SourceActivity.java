package io.tributary.stream.status;

import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.stream.status.SourceStatus.LastError;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/** The counters of one source, updated from any thread. */
public final class SourceActivity {
    private final String name;
    private final String connector;
    private final String source;
    private final LongAdder messagesIn = new LongAdder();
    private final LongAdder eventsOut = new LongAdder();
    private final Map<DeadLetterReason, LongAdder> deadLetters = new ConcurrentHashMap<>();
    private final AtomicLong inFlight = new AtomicLong();
    private final RateWindow inRate = new RateWindow();
    private final RateWindow outRate = new RateWindow();
    private final AtomicLong lagMillis = new AtomicLong();
    private final LongAccumulator maxLagMillis = new LongAccumulator(Math::max, 0);
    private volatile Instant lastMessageAt;
    private volatile LastError lastError;
    private volatile boolean failed;

    public SourceActivity(String name, String connector, String source) {
        this.name = name;
        this.connector = connector;
        this.source = source;
    }

    public void received(Instant at) {
        messagesIn.increment();
        inFlight.incrementAndGet();
        inRate.record(at.getEpochSecond());
        lastMessageAt = at;
    }

    /** @param since when the upstream broker took the message, else when it was received */
    public void published(Instant since) {
        Instant now = Instant.now();
        eventsOut.increment();
        outRate.record(now.getEpochSecond());
        long lag = Math.max(0, Duration.between(since, now).toMillis());
        lagMillis.set(lag);
        maxLagMillis.accumulate(lag);
    }

    public void deadLettered(DeadLetterReason reason, String detail) {
        deadLetters.computeIfAbsent(reason, r -> new LongAdder()).increment();
        lastError = new LastError(reason.name(), detail, Instant.now());
    }

    /** The message is done with: acknowledged upstream, or handed to the channel's failure strategy. */
    public void settled() {
        inFlight.decrementAndGet();
    }

    /** The channel stopped: its connector gave up (a broker away past the retries, a failure strategy of fail). */
    public void failed(Throwable failure) {
        failed = true;
        lastError = new LastError("CHANNEL_FAILED", String.valueOf(failure), Instant.now());
    }

    public boolean isFailed() {
        return failed;
    }

    public String name() {
        return name;
    }

    /** The SmallRye connector the source is read with, e.g. {@code smallrye-kafka}. */
    public String connector() {
        return connector;
    }

    public long messagesIn() {
        return messagesIn.sum();
    }

    /** Events Kafka acknowledged. */
    public long eventsOut() {
        return eventsOut.sum();
    }

    public long deadLetters(DeadLetterReason reason) {
        LongAdder count = deadLetters.get(reason);
        return count == null ? 0 : count.sum();
    }

    public SourceStatus status() {
        long now = Instant.now().getEpochSecond();
        Map<DeadLetterReason, Long> letters = new EnumMap<>(DeadLetterReason.class);
        deadLetters.forEach((reason, count) -> letters.put(reason, count.sum()));
        return new SourceStatus(
                name,
                connector,
                source,
                failed ? "FAILED" : "RUNNING",
                messagesIn.sum(),
                eventsOut.sum(),
                letters,
                inFlight.get(),
                inRate.perSecond(now),
                outRate.perSecond(now),
                lagMillis.get(),
                maxLagMillis.get(),
                lastMessageAt,
                lastError);
    }
}
