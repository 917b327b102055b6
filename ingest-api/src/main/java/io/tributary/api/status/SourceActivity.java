package io.tributary.api.status;

import io.tributary.api.intake.IntakeResult;
import io.tributary.api.status.SourceStatus.LastError;
import io.tributary.contract.dlq.DeadLetter;
import io.tributary.contract.dlq.DeadLetterReason;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/** The counters and latest outcomes of one source on this replica, updated from any thread. */
public final class SourceActivity {
    private final String name;
    private final String source;
    private final boolean polled;
    private final boolean webhook;
    private final LongAdder polls = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder notModified = new LongAdder();
    private final LongAdder deliveries = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder events = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final Map<DeadLetterReason, LongAdder> deadLetters = new ConcurrentHashMap<>();
    private volatile Instant lastSuccess;
    private volatile LastError lastError;
    private volatile int consecutiveFailures;
    private volatile boolean leaseHeld;
    private volatile boolean leaseKnown;
    private volatile Supplier<Instant> nextPoll = () -> null;

    public SourceActivity(String name, String source, boolean polled, boolean webhook) {
        this.name = name;
        this.source = source;
        this.polled = polled;
        this.webhook = webhook;
    }

    public void polling(boolean held) {
        leaseKnown = true;
        leaseHeld = held;
        if (held) {
            polls.increment();
        }
    }

    public void requested() {
        requests.increment();
    }

    public void notModified() {
        notModified.increment();
    }

    public void pollSucceeded() {
        consecutiveFailures = 0;
        lastSuccess = Instant.now();
    }

    public void pollFailed(String reason, String detail) {
        consecutiveFailures++;
        lastError = new LastError(reason, detail, Instant.now());
    }

    public void delivered() {
        deliveries.increment();
        lastSuccess = Instant.now();
    }

    public void refused(String reason, String detail) {
        refused.increment();
        lastError = new LastError(reason, detail, Instant.now());
    }

    public void ingested(IntakeResult result, Collection<DeadLetter> letters) {
        events.add(result.published());
        duplicates.add(result.duplicates());
        letters.forEach(this::rejected);
    }

    public void rejected(DeadLetter letter) {
        deadLetters.computeIfAbsent(letter.reason(), r -> new LongAdder()).increment();
        lastError = new LastError(letter.reason().name(), letter.detail(), letter.receivedAt());
    }

    /** Where the next poll time comes from: the poller knows its schedule and its back-off. */
    public void nextPollFrom(Supplier<Instant> next) {
        this.nextPoll = next;
    }

    public String name() {
        return name;
    }

    public boolean isFailing() {
        return consecutiveFailures > 0;
    }

    /** Records (or whole bodies) taken in: published, seen before, or dead-lettered. */
    public long received() {
        long letters = 0;
        for (LongAdder count : deadLetters.values()) {
            letters += count.sum();
        }
        return events.sum() + duplicates.sum() + letters;
    }

    /** Events Kafka acknowledged. */
    public long published() {
        return events.sum();
    }

    public long deadLetters(DeadLetterReason reason) {
        LongAdder count = deadLetters.get(reason);
        return count == null ? 0 : count.sum();
    }

    public SourceStatus status() {
        Map<DeadLetterReason, Long> letters = new EnumMap<>(DeadLetterReason.class);
        deadLetters.forEach((reason, count) -> letters.put(reason, count.sum()));
        String state = isFailing() ? "FAILING" : lastSuccess != null ? "OK" : "IDLE";
        String lease = !polled || !leaseKnown ? null : leaseHeld ? "HELD" : "ELSEWHERE";
        return new SourceStatus(
                name,
                source,
                polled,
                webhook,
                state,
                lease,
                lastSuccess,
                nextPoll.get(),
                consecutiveFailures,
                polls.sum(),
                requests.sum(),
                notModified.sum(),
                deliveries.sum(),
                refused.sum(),
                events.sum(),
                duplicates.sum(),
                letters,
                lastError);
    }
}
