package io.tributary.analytics.window;

import io.smallrye.mutiny.Uni;
import io.tributary.analytics.AnalyticsConfig;
import io.tributary.analytics.concurrent.Waiters;
import io.tributary.contract.event.NormalizedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Every series' window, keyed by series key. Retention counts back from the newest event time seen. */
@ApplicationScoped
public class SeriesWindows {
    private final Map<String, SeriesWindow> windows = new ConcurrentHashMap<>();
    private final Waiters<EventKey, Boolean> arrivals = new Waiters<>();
    private final AnalyticsConfig config;

    public SeriesWindows(AnalyticsConfig config) {
        this.config = config;
    }

    /** Adds the event's readings; false when the window already holds this event (a redelivery). */
    public boolean add(NormalizedEvent event) {
        Instant time = event.time().toInstant();
        Sample sample = new Sample(event.id(), time, event.data().metrics());
        boolean added = windows.computeIfAbsent(event.seriesKey(), k -> new SeriesWindow())
                .add(sample, time.minus(config.retention()), config.maxSamplesPerSeries());
        if (added) {
            // After the add: a waiter that registers meanwhile finds the event itself.
            arrivals.signal(new EventKey(event.seriesKey(), event.id()), true);
        }
        return added;
    }

    public boolean contains(String seriesKey, String eventId) {
        SeriesWindow window = windows.get(seriesKey);
        return window != null && window.contains(eventId);
    }

    /**
     * Emits once the window holds the event, at once if it does already. Never times out by itself: the caller
     * bounds the wait, and the waiter is dropped when the wait ends in any way.
     */
    public Uni<Void> awaitEvent(String seriesKey, String eventId) {
        return arrivals.await(
                        new EventKey(seriesKey, eventId),
                        () -> contains(seriesKey, eventId) ? Optional.of(true) : Optional.empty())
                .replaceWithVoid();
    }

    /** Samples of the series with event time in (from, to]. */
    public List<Sample> between(String seriesKey, Instant from, Instant to) {
        SeriesWindow window = windows.get(seriesKey);
        return window == null ? List.of() : window.between(from, to);
    }

    /** Waits in progress, for tests: none may be left once the waits ended. */
    int waiting() {
        return arrivals.size();
    }

    private record EventKey(String seriesKey, String eventId) {}
}
