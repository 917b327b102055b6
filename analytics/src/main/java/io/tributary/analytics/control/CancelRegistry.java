package io.tributary.analytics.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * The attempts cancelled recently, with the reason. Bounded both ways a long uptime or a cancel storm could grow
 * it: a cancel older than the retention is forgotten, and past the size bound the oldest go first. Forgetting is
 * safe once the attempt's task message can no longer be on its way; the retention is how long that is assumed to
 * take. Insertion order is (nearly) age order, so eviction looks only at the head.
 */
final class CancelRegistry {
    private final LinkedHashMap<AttemptKey, Cancel> cancels = new LinkedHashMap<>();
    private final int maxEntries;
    private final Duration retention;
    private final Clock clock;

    CancelRegistry(int maxEntries, Duration retention, Clock clock) {
        this.maxEntries = maxEntries;
        this.retention = retention;
        this.clock = clock;
    }

    /**
     * @param at when the cancel was sent; its age counts from there (a replayed cancel is as old as it is), or from
     *     now when it is absent or in the future (another host's clock)
     */
    synchronized void add(AttemptKey key, String reason, Instant at) {
        Instant now = clock.instant();
        Instant since = at == null || at.isAfter(now) ? now : at;
        if (!expired(since, now)) {
            cancels.putIfAbsent(key, new Cancel(reason, since));
        }
        evict(now);
    }

    synchronized Optional<String> reason(AttemptKey key) {
        Cancel cancel = cancels.get(key);
        return cancel == null || expired(cancel.at(), clock.instant())
                ? Optional.empty()
                : Optional.of(cancel.reason());
    }

    synchronized int size() {
        return cancels.size();
    }

    private void evict(Instant now) {
        Iterator<Cancel> oldestFirst = cancels.values().iterator();
        while (oldestFirst.hasNext()) {
            Cancel oldest = oldestFirst.next();
            if (cancels.size() <= maxEntries && !expired(oldest.at(), now)) {
                return;
            }
            oldestFirst.remove();
        }
    }

    private boolean expired(Instant at, Instant now) {
        return at.isBefore(now.minus(retention));
    }

    private record Cancel(String reason, Instant at) {}
}
