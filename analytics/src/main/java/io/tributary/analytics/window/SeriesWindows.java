package io.tributary.analytics.window;

import io.tributary.analytics.AnalyticsConfig;
import io.tributary.contract.event.NormalizedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Every series' window, keyed by series key. Retention counts back from the newest event time seen. */
@ApplicationScoped
public class SeriesWindows {
    private final Map<String, SeriesWindow> windows = new ConcurrentHashMap<>();
    private final AnalyticsConfig config;

    public SeriesWindows(AnalyticsConfig config) {
        this.config = config;
    }

    /** Adds the event's readings; false when the window already holds this event (a redelivery). */
    public boolean add(NormalizedEvent event) {
        Instant time = event.time().toInstant();
        Sample sample = new Sample(event.id(), time, event.data().metrics());
        return windows.computeIfAbsent(event.seriesKey(), k -> new SeriesWindow())
                .add(sample, time.minus(config.retention()), config.maxSamplesPerSeries());
    }

    public boolean contains(String seriesKey, String eventId) {
        SeriesWindow window = windows.get(seriesKey);
        return window != null && window.contains(eventId);
    }

    /** Samples of the series with event time in (from, to]. */
    public List<Sample> between(String seriesKey, Instant from, Instant to) {
        SeriesWindow window = windows.get(seriesKey);
        return window == null ? List.of() : window.between(from, to);
    }
}
