package io.tributary.analytics.anomaly;

import io.tributary.analytics.analysis.TaskParameters;
import io.tributary.analytics.analysis.WindowInput;
import jakarta.inject.Singleton;
import java.util.function.Function;
import org.apache.commons.math3.stat.StatUtils;

/** {@code zscore}: the newest value in standard deviations from the mean of the points before it. */
@Singleton
public class ZScoreTask extends AnomalyTask {
    public static final String TYPE = "zscore";

    public ZScoreTask(WindowInput input) {
        super(input, 3.0);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Z-score of the window's newest value against the mean and sample standard deviation of the points"
                + " before it; an anomaly when |score| > threshold (default 3) once minPoints are there";
    }

    @Override
    protected Function<double[], Baseline> detector(TaskParameters parameters) {
        return ZScoreTask::fit;
    }

    static Baseline fit(double[] values) {
        double spread = values.length > 1 ? Math.sqrt(StatUtils.variance(values)) : 0.0;
        return new Baseline(StatUtils.mean(values), spread, 1.0);
    }
}
