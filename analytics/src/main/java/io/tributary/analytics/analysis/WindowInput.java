package io.tributary.analytics.analysis;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.tributary.analytics.AnalyticsConfig;
import io.tributary.analytics.task.InvalidTaskException;
import io.tributary.analytics.window.Points;
import io.tributary.analytics.window.SeriesWindows;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.task.TaskMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;

/** Selects what a task computes on from its series' window, once the window has caught up with the trigger. */
@ApplicationScoped
public class WindowInput {
    private final SeriesWindows windows;
    private final AnalyticsConfig config;

    public WindowInput(SeriesWindows windows, AnalyticsConfig config) {
        this.windows = windows;
        this.config = config;
    }

    /** The window's parameters as this deployment bounds them (retention, sample cap). */
    public WindowSpec spec(TaskParameters parameters) {
        return WindowSpec.from(parameters, config.retention(), config.maxSamplesPerSeries());
    }

    public ParameterSchema describe(ParameterSchema schema) {
        return WindowSpec.describe(schema, config.retention(), config.maxSamplesPerSeries());
    }

    /** The metric in the window of the task's own series, ending at its newest triggering event. */
    public Uni<Selection> select(TaskMessage task, String metric, WindowSpec spec) {
        NormalizedEvent newest = task.input().events().stream()
                .max(Comparator.comparing(NormalizedEvent::time))
                .orElseThrow(() -> new InvalidTaskException("the task carries no triggering event"));
        String series = task.input().seriesKey();
        return awaitWindowAt(series, newest.id()).map(caughtUp -> {
            if (!caughtUp) {
                Log.debugf("Window of %s did not reach event %s in %s", series, newest.id(), config.windowCatchUp());
                // Then the triggering events at least are in (once caught up, the window decided on them already).
                task.input().events().forEach(windows::add);
            }
            return select(series, metric, spec, newest.time().toInstant());
        });
    }

    /** The metric in a window of any series held here, ending at {@code t}; no waiting. */
    public Selection select(String series, String metric, WindowSpec spec, Instant t) {
        // The series' newest event is at least t, so nothing older than t − lateness can enter any more. From the
        // trigger rather than from what the window holds now, so the mark is the same however far the window has read.
        Instant watermark = t.minus(config.allowedLateness());
        if (spec.byPoints()) {
            Points points = windows.lastPoints(series, metric, t, spec.points());
            return new Selection(metric, points.size() == 0 ? t : points.time(0), t, points, t.isBefore(watermark));
        }
        Instant start = spec.start(t);
        Instant end = spec.end(t);
        if (spec.alignedBuckets()) {
            Points points = windows.points(series, metric, start, true, end, false);
            return new Selection(metric, start, end, points, !end.isAfter(watermark));
        }
        Points points = windows.points(series, metric, start, false, end, true);
        return new Selection(metric, start, end, points, end.isBefore(watermark));
    }

    /**
     * The window consumer reads a series in partition order, so once it holds the triggering event it holds every
     * earlier event of the series: the result is then exactly that of the series up to the trigger. The window
     * signals the event's arrival; past the catch-up bound the task goes on with what the window holds.
     */
    private Uni<Boolean> awaitWindowAt(String series, String eventId) {
        return windows.awaitEvent(series, eventId)
                .replaceWith(true)
                .ifNoItem()
                .after(config.windowCatchUp())
                .recoverWithItem(false);
    }
}
