package io.tributary.analytics.anomaly;

import io.tributary.analytics.analysis.TaskParameters;
import io.tributary.analytics.analysis.WindowInput;
import jakarta.inject.Singleton;
import java.util.function.Function;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * {@code mad}: the modified z-score of Iglewicz and Hoaglin, 0.6745 (x − median) / MAD, robust to the outliers
 * it looks for (the median absolute deviation ignores them where a standard deviation grows with them).
 */
@Singleton
public class MadTask extends AnomalyTask {
    public static final String TYPE = "mad";
    /** The 0.75 quantile of the standard normal: makes MAD comparable to a standard deviation. */
    private static final double NORMAL_CONSISTENCY = 0.6745;

    public MadTask(WindowInput input) {
        super(input, 3.5);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Modified z-score 0.6745 (x - median) / MAD of the window's newest value against the points before it"
                + " (Iglewicz and Hoaglin); an anomaly when |score| > threshold (default 3.5) once minPoints are there";
    }

    @Override
    protected Function<double[], Baseline> detector(TaskParameters parameters) {
        return MadTask::fit;
    }

    static Baseline fit(double[] values) {
        Median median = new Median();
        double center = median.evaluate(values);
        double[] deviations = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            deviations[i] = Math.abs(values[i] - center);
        }
        return new Baseline(center, median.evaluate(deviations), NORMAL_CONSISTENCY);
    }
}
