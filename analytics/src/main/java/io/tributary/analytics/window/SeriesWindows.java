package io.tributary.analytics.window;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.tributary.analytics.AnalyticsConfig;
import io.tributary.analytics.concurrent.Waiters;
import io.tributary.contract.event.NormalizedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every series' window, keyed by series key. Retention and lateness count back from each series' newest event
 * time; series that received nothing for the idle time are evicted (and counted), so memory follows the series that
 * are live, not every series ever seen.
 */
@ApplicationScoped
public class SeriesWindows {
    private final Map<String, SeriesWindow> windows = new ConcurrentHashMap<>();
    private final Waiters<EventKey, Boolean> arrivals = new Waiters<>();
    private final AtomicLong tooLate = new AtomicLong();
    private final AtomicLong evicted = new AtomicLong();
    private final AnalyticsConfig config;

    public SeriesWindows(AnalyticsConfig config) {
        this.config = config;
    }

    /** Adds the event's readings to its series' window. */
    public WindowAddition add(NormalizedEvent event) {
        Sample sample =
                new Sample(event.id(), event.time().toInstant(), event.data().metrics());
        WindowAddition[] added = new WindowAddition[1];
        // Under the map's lock for the key: the idle sweep cannot remove the window between finding and adding.
        windows.compute(event.seriesKey(), (key, window) -> {
            SeriesWindow series = window != null ? window : new SeriesWindow();
            added[0] = series.add(sample, config.retention(), config.allowedLateness(), config.maxSamplesPerSeries());
            return series;
        });
        WindowAddition addition = added[0];
        if (addition == WindowAddition.TOO_LATE) {
            tooLate.incrementAndGet();
            Log.debugf(
                    "Event %s of %s is later than the allowed lateness; counted, not added",
                    event.id(), event.seriesKey());
        }
        // After the add: a waiter that registers meanwhile finds the event itself. A refused event ends the wait
        // too: the window has gone past it and will not hold it.
        arrivals.signal(new EventKey(event.seriesKey(), event.id()), true);
        return addition;
    }

    public boolean contains(String seriesKey, String eventId) {
        SeriesWindow window = windows.get(seriesKey);
        return window != null && window.contains(eventId);
    }

    /**
     * Emits once the window holds the event (or refused it as too late), at once if it does already. Never times
     * out by itself: the caller bounds the wait, and the waiter is dropped when the wait ends in any way.
     */
    public Uni<Void> awaitEvent(String seriesKey, String eventId) {
        return arrivals.await(
                        new EventKey(seriesKey, eventId),
                        () -> contains(seriesKey, eventId) ? Optional.of(true) : Optional.empty())
                .replaceWithVoid();
    }

    /** The metric's values of the series with event time between the bounds. */
    public Points points(
            String seriesKey, String metric, Instant from, boolean fromInclusive, Instant to, boolean toInclusive) {
        SeriesWindow window = windows.get(seriesKey);
        return Points.of(
                window == null ? List.of() : window.between(from, fromInclusive, to, toInclusive), metric, false);
    }

    /** The metric's values of the series' newest {@code n} samples with it, up to {@code to}. */
    public Points lastPoints(String seriesKey, String metric, Instant to, int n) {
        SeriesWindow window = windows.get(seriesKey);
        return Points.of(window == null ? List.of() : window.newestFirst(to, metric, n), metric, true);
    }

    /** Every series held, with its counters, sorted by key. */
    public SortedMap<String, WindowCounters> series() {
        SortedMap<String, WindowCounters> all = new TreeMap<>();
        windows.forEach((key, window) -> all.put(key, window.counters()));
        return all;
    }

    public Optional<WindowCounters> counters(String seriesKey) {
        return Optional.ofNullable(windows.get(seriesKey)).map(SeriesWindow::counters);
    }

    /** The samples of the series with event time in [from, to], oldest first. */
    public List<Sample> samples(String seriesKey, Instant from, Instant to) {
        SeriesWindow window = windows.get(seriesKey);
        return window == null ? List.of() : window.between(from, true, to, true);
    }

    /** Events refused as later than the allowed lateness, since start, over every series. */
    public long tooLate() {
        return tooLate.get();
    }

    /** Series evicted for being idle, since start. */
    public long evicted() {
        return evicted.get();
    }

    @Scheduled(every = "${tributary.analytics.idle-sweep}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void evictIdle() {
        long before = System.currentTimeMillis() - config.idleTimeout().toMillis();
        int removed = 0;
        for (Map.Entry<String, SeriesWindow> entry : windows.entrySet()) {
            boolean[] idle = new boolean[1];
            windows.computeIfPresent(entry.getKey(), (key, window) -> {
                idle[0] = window.lastArrivalMillis() < before;
                return idle[0] ? null : window;
            });
            if (idle[0]) {
                removed++;
            }
        }
        if (removed > 0) {
            evicted.addAndGet(removed);
            Log.infof("Evicted %d series idle for %s; %d held", removed, config.idleTimeout(), windows.size());
        }
    }

    /** Waits in progress, for tests: none may be left once the waits ended. */
    int waiting() {
        return arrivals.size();
    }

    private record EventKey(String seriesKey, String eventId) {}
}
