package io.tributary.analytics.task;

import io.tributary.analytics.control.AttemptKey;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The attempts taken up here, running or ended, the most recent up to a bound (the oldest are forgotten first): a
 * task message delivered again while its attempt runs or after it ended is not executed a second time.
 */
final class EndedAttempts {
    private final Map<AttemptKey, Boolean> ended;

    EndedAttempts(int capacity) {
        this.ended = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<AttemptKey, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Takes the attempt up; false when it already was. */
    synchronized boolean claim(AttemptKey key) {
        return ended.putIfAbsent(key, Boolean.TRUE) == null;
    }

    /** The attempt failed before it reported its end: a delivery again may run it. */
    synchronized void release(AttemptKey key) {
        ended.remove(key);
    }
}
