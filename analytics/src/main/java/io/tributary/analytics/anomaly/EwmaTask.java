package io.tributary.analytics.anomaly;

import io.tributary.analytics.analysis.ParameterSchema;
import io.tributary.analytics.analysis.TaskParameters;
import io.tributary.analytics.analysis.WindowInput;
import jakarta.inject.Singleton;
import java.util.function.Function;

/**
 * {@code ewma}: the newest value against an exponentially weighted moving average and variance of the points
 * before it, so the baseline follows a drifting level. Neither Commons Math nor Commons Statistics has an EWMA;
 * the recurrences are West's (1979) incremental weighted mean and variance, as in Finch, "Incremental calculation
 * of weighted mean and variance" (2009), section 9.
 */
@Singleton
public class EwmaTask extends AnomalyTask {
    public static final String TYPE = "ewma";

    public EwmaTask(WindowInput input) {
        super(input, 3.0);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "The window's newest value in exponentially weighted standard deviations from the exponentially"
                + " weighted moving average (weight alpha, default 0.3) of the points before it; an anomaly when"
                + " |score| > threshold (default 3) once minPoints are there";
    }

    @Override
    protected ParameterSchema describeDetector(ParameterSchema schema) {
        return schema.positive("alpha", "Weight of each new point, in (0, 1] (default 0.3)", 1);
    }

    @Override
    protected Function<double[], Baseline> detector(TaskParameters parameters) {
        double alpha = parameters.optionalNumber("alpha", 0, true, 1).orElse(0.3);
        return values -> fit(values, alpha);
    }

    static Baseline fit(double[] values, double alpha) {
        double mean = values[0];
        double variance = 0;
        for (int i = 1; i < values.length; i++) {
            double diff = values[i] - mean;
            double increment = alpha * diff;
            mean += increment;
            variance = (1 - alpha) * (variance + diff * increment);
        }
        return new Baseline(mean, Math.sqrt(variance), 1.0);
    }
}
