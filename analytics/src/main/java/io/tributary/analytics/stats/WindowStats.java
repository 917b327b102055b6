package io.tributary.analytics.stats;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tributary.analytics.analysis.Selection;
import io.tributary.analytics.analysis.WindowInfo;
import io.tributary.analytics.window.Points;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * The result of {@code window-stats}. Percentiles are exact, over every value of the window, interpolated between
 * the two nearest ranks as NumPy's and R's default (Hyndman and Fan's type 7).
 *
 * @param stddev the sample standard deviation (n − 1 in the denominator); 0 for a single value
 * @param variance the sample variance; 0 for a single value
 */
public record WindowStats(
        @JsonUnwrapped WindowInfo window,
        double sum,
        double mean,
        double min,
        double max,
        double stddev,
        double variance,
        double p50,
        double p90,
        double p95,
        double p99) {

    public static WindowStats of(Selection selection) {
        Points points = selection.atLeast(1);
        double[] values = points.values();
        // The corrected two-pass algorithm: exact to the last digits on NIST's hard cases (NumAcc3, NumAcc4).
        double variance = values.length > 1 ? StatUtils.variance(values) : 0.0;
        Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
        percentile.setData(values);
        return new WindowStats(
                selection.info(),
                StatUtils.sum(values),
                StatUtils.mean(values),
                StatUtils.min(values),
                StatUtils.max(values),
                Math.sqrt(variance),
                variance,
                percentile.evaluate(50),
                percentile.evaluate(90),
                percentile.evaluate(95),
                percentile.evaluate(99));
    }
}
