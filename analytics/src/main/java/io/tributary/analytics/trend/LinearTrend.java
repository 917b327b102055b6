package io.tributary.analytics.trend;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tributary.analytics.analysis.Selection;
import io.tributary.analytics.analysis.WindowInfo;
import io.tributary.analytics.task.InvalidTaskException;
import io.tributary.analytics.window.Points;
import java.time.Duration;
import java.time.Instant;

/**
 * The result of {@code linear-trend}: a least squares line through the window's points over time, and where it
 * leads {@code horizon} after the newest point.
 *
 * @param slope change per second
 * @param intercept the line's value at the newest point's time
 * @param r2 coefficient of determination; null for a constant series
 * @param residualSd standard deviation of the residuals; null with two points
 * @param forecastAt the newest point's time plus the horizon
 * @param forecast the line's value there
 * @param lower lower bound of the prediction interval for a single new observation there; null with two points
 * @param upper its upper bound
 * @param confidence the prediction interval's confidence level
 */
public record LinearTrend(
        @JsonUnwrapped WindowInfo window,
        double slope,
        double intercept,
        Double r2,
        Double residualSd,
        Instant forecastAt,
        double forecast,
        Double lower,
        Double upper,
        double confidence) {

    static LinearTrend of(Selection selection, Duration horizon, double confidence) {
        Points points = selection.atLeast(2);
        int n = points.size();
        double newest = points.secondsSinceFirst(n - 1);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            // Seconds relative to the newest point: the intercept is then the line's value now.
            x[i] = points.secondsSinceFirst(i) - newest;
        }
        double horizonSeconds = horizon.toMillis() / 1000.0;
        LinearFit fit = LinearFit.of(x, points.values(), horizonSeconds, confidence);
        if (fit == null) {
            throw new InvalidTaskException(
                    "needs points at two different times in the window; all " + n + " are at " + points.time(0));
        }
        return new LinearTrend(
                selection.info(),
                fit.slope(),
                fit.intercept(),
                fit.r2(),
                fit.residualSd(),
                points.time(n - 1).plus(horizon),
                fit.forecast(),
                fit.lower(),
                fit.upper(),
                confidence);
    }
}
