package io.tributary.analytics.result;

import io.tributary.analytics.AnalyticsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The recent results of this instance, newest last, for {@code GET /results}: a bounded window for inspection, not a
 * store of record (Kafka is), so it starts empty after a restart and each replica shows its own.
 */
@ApplicationScoped
public class ResultStore {
    private final ArrayDeque<StoredResult> results = new ArrayDeque<>();
    private final int capacity;

    public ResultStore(AnalyticsConfig config) {
        this.capacity = config.recentResults();
    }

    public synchronized void add(StoredResult result) {
        results.addLast(result);
        while (results.size() > capacity) {
            results.removeFirst();
        }
    }

    /**
     * Newest first.
     *
     * @param flow the flow's name or its run id; null for any
     * @param subject the series key; null for any
     */
    public synchronized List<StoredResult> query(String flow, String subject, int limit) {
        List<StoredResult> found = new ArrayList<>();
        Iterator<StoredResult> newestFirst = results.descendingIterator();
        while (newestFirst.hasNext() && found.size() < limit) {
            StoredResult result = newestFirst.next();
            boolean flowMatches =
                    flow == null || flow.equals(result.flow()) || flow.equals(String.valueOf(result.flowRunId()));
            if (flowMatches && (subject == null || subject.equals(result.subject()))) {
                found.add(result);
            }
        }
        return found;
    }
}
