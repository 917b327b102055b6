package io.tributary.analytics.rate;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tributary.analytics.analysis.Selection;
import io.tributary.analytics.analysis.WindowInfo;
import io.tributary.analytics.task.InvalidTaskException;
import io.tributary.analytics.window.Points;

/**
 * The result of {@code rate-of-change}. For a counter, a value below the one before it is a reset (the counter
 * restarted from zero), and the increase across it is the new value, as Prometheus' {@code rate()} counts it.
 *
 * @param increase last minus first value, or for a counter the sum of increases across resets
 * @param seconds from the first to the last point
 * @param rate increase per second over the window
 * @param lastRate per second between the last two points at different times
 * @param resets counter resets seen (0 unless counter)
 */
public record RateOfChange(
        @JsonUnwrapped WindowInfo window,
        boolean counter,
        double increase,
        double seconds,
        double rate,
        double lastRate,
        int resets) {

    static RateOfChange of(Selection selection, boolean counter) {
        Points points = selection.atLeast(2);
        double seconds = points.secondsSinceFirst(points.size() - 1);
        if (seconds <= 0) {
            throw new InvalidTaskException("needs two points at different times in the window; all " + points.size()
                    + " are at " + points.time(0));
        }
        double[] values = points.values();
        double increase = 0;
        int resets = 0;
        double lastRate = 0;
        for (int i = 1; i < values.length; i++) {
            double step = values[i] - values[i - 1];
            if (counter && step < 0) {
                resets++;
                step = values[i];
            }
            increase += step;
            double dt = points.secondsSinceFirst(i) - points.secondsSinceFirst(i - 1);
            if (dt > 0) {
                lastRate = step / dt;
            }
        }
        return new RateOfChange(selection.info(), counter, increase, seconds, increase / seconds, lastRate, resets);
    }
}
