package io.tributary.analytics.correlation;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tributary.analytics.analysis.Buckets;
import io.tributary.analytics.analysis.Selection;
import io.tributary.analytics.analysis.WindowInfo;
import io.tributary.analytics.task.InvalidTaskException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * The result of {@code correlation}: Pearson's and Spearman's coefficients between two metrics (of one series or
 * two) aligned on event time: values at the same time pair up, or with {@code alignSeconds} the means of the same
 * aligned bucket do.
 *
 * @param otherSeries the second series' key
 * @param otherMetric the second metric
 * @param otherCount finite values of the second metric in its window
 * @param otherExcluded NaN or infinite values of the second metric left out
 * @param pairs the aligned pairs the coefficients are computed on
 * @param pearson null when either side is constant
 * @param spearman null when either side is constant
 */
public record Correlation(
        @JsonUnwrapped WindowInfo window,
        String otherSeries,
        String otherMetric,
        int otherCount,
        int otherExcluded,
        int pairs,
        Double pearson,
        Double spearman) {

    static Correlation of(Selection first, Selection second, String otherSeries, long alignMillis) {
        TreeMap<Long, double[]> a = Buckets.of(first.points(), alignMillis);
        TreeMap<Long, double[]> b = Buckets.of(second.points(), alignMillis);
        a.keySet().retainAll(b.keySet());
        double[] x = new double[a.size()];
        double[] y = new double[a.size()];
        int n = 0;
        for (Map.Entry<Long, double[]> bucket : a.entrySet()) {
            x[n] = StatUtils.mean(bucket.getValue());
            y[n++] = StatUtils.mean(b.get(bucket.getKey()));
        }
        if (n < 3) {
            throw new InvalidTaskException("needs at least 3 aligned pairs of '" + first.metric() + "' and '"
                    + second.metric() + "' in the window [" + first.start() + ", " + first.end() + "]; it has " + n);
        }
        return new Correlation(
                first.info(),
                otherSeries,
                second.metric(),
                second.points().size(),
                second.points().excluded(),
                n,
                finite(new PearsonsCorrelation().correlation(x, y)),
                finite(new SpearmansCorrelation().correlation(x, y)));
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
