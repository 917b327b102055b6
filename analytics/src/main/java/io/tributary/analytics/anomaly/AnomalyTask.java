package io.tributary.analytics.anomaly;

import io.tributary.analytics.analysis.ParameterSchema;
import io.tributary.analytics.analysis.Selection;
import io.tributary.analytics.analysis.TaskParameters;
import io.tributary.analytics.analysis.WindowInput;
import io.tributary.analytics.analysis.WindowedTask;
import java.util.function.Function;

/**
 * An anomaly detection task type: scores the window's newest value against the points before it. Parameters
 * {@code threshold} (the score beyond which it is an anomaly) and {@code minPoints} (the warm-up: fewer baseline
 * points never flag), plus the detector's own.
 */
abstract class AnomalyTask extends WindowedTask {
    private final double defaultThreshold;

    AnomalyTask(WindowInput input, double defaultThreshold) {
        super(input);
        this.defaultThreshold = defaultThreshold;
    }

    /** Adds the detector's own parameters. */
    protected ParameterSchema describeDetector(ParameterSchema schema) {
        return schema;
    }

    /** Reads the detector's own parameters; returns how it fits a baseline to the points before the newest. */
    protected abstract Function<double[], Baseline> detector(TaskParameters parameters);

    @Override
    protected ParameterSchema describe(ParameterSchema schema) {
        return describeDetector(schema.positive(
                        "threshold",
                        "|score| above which the newest value is an anomaly (default " + defaultThreshold + ")",
                        1e9)
                .integer(
                        "minPoints",
                        "Warm-up: baseline points needed before anything is flagged (default 10)",
                        1,
                        1_000_000));
    }

    @Override
    protected Function<Selection, Object> prepare(TaskParameters parameters) {
        double threshold = parameters.optionalNumber("threshold", 0, true, 1e9).orElse(defaultThreshold);
        int minPoints = parameters.integer("minPoints", 1, 1_000_000, 10);
        Function<double[], Baseline> fit = detector(parameters);
        return selection -> AnomalyScore.of(selection, fit, threshold, minPoints);
    }
}
