package io.tributary.analytics.task;

import io.tributary.analytics.control.AttemptKey;
import java.util.LinkedHashMap;
import java.util.Map;

/** The attempts that ended here, the most recent up to a bound (the oldest are forgotten first). */
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

    synchronized void add(AttemptKey key) {
        ended.put(key, Boolean.TRUE);
    }

    synchronized boolean contains(AttemptKey key) {
        return ended.containsKey(key);
    }
}
