package io.tributary.analytics.anomaly;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tributary.analytics.analysis.Selection;
import io.tributary.analytics.analysis.WindowInfo;
import io.tributary.analytics.window.Points;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The result of the anomaly tasks ({@code zscore}, {@code ewma}, {@code mad}): the window's newest value scored
 * against a baseline fitted to the points before it.
 *
 * @param score distance of the value from the baseline in spreads; null when the baseline has no spread (a constant
 *     series), where any different value is an anomaly
 * @param baseline the baseline's center (mean, EWMA, median)
 * @param spread the baseline's spread (standard deviation, EW standard deviation, median absolute deviation)
 * @param baselinePoints how many points the baseline was fitted to: the window's points but the newest
 * @param warmingUp fewer baseline points than the warm-up minimum: never flagged as an anomaly
 * @param anomaly |score| above the threshold, once warmed up
 */
public record AnomalyScore(
        @JsonUnwrapped WindowInfo window,
        double value,
        Double score,
        double baseline,
        double spread,
        int baselinePoints,
        boolean warmingUp,
        boolean anomaly) {

    static AnomalyScore of(Selection selection, Function<double[], Baseline> fit, double threshold, int minPoints) {
        Points points = selection.atLeast(2);
        double value = points.last();
        double[] before = Arrays.copyOf(points.values(), points.size() - 1);
        Baseline baseline = fit.apply(before);
        boolean warmingUp = before.length < minPoints;
        Double score =
                baseline.spread() > 0 ? baseline.scale() * (value - baseline.center()) / baseline.spread() : null;
        boolean beyond = score == null ? value != baseline.center() : Math.abs(score) > threshold;
        return new AnomalyScore(
                selection.info(),
                value,
                score,
                baseline.center(),
                baseline.spread(),
                before.length,
                warmingUp,
                !warmingUp && beyond);
    }
}
