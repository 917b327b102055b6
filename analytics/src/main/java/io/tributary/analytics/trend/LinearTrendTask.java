package io.tributary.analytics.trend;

import io.tributary.analytics.analysis.ParameterSchema;
import io.tributary.analytics.analysis.Selection;
import io.tributary.analytics.analysis.TaskParameters;
import io.tributary.analytics.analysis.WindowInput;
import io.tributary.analytics.analysis.WindowedTask;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.function.Function;

/** {@code linear-trend}: least squares line of one metric over time, with a forecast and prediction interval. */
@Singleton
public class LinearTrendTask extends WindowedTask {
    public static final String TYPE = "linear-trend";
    private static final double MAX_HORIZON_SECONDS = 366 * 24 * 3600;

    public LinearTrendTask(WindowInput input) {
        super(input);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Least squares line of one metric over event time in a window: slope per second, intercept (the"
                + " line at the newest point), r², and the forecast horizonSeconds after the newest point with its"
                + " prediction interval (confidence, default 0.95)";
    }

    @Override
    protected ParameterSchema describe(ParameterSchema schema) {
        return schema.range(
                        "horizonSeconds",
                        "Forecast this long after the newest point (default 0)",
                        0,
                        MAX_HORIZON_SECONDS)
                .positive(
                        "confidence",
                        "Confidence level of the prediction interval, in (0, 1) (default 0.95)",
                        0.999999);
    }

    @Override
    protected Function<Selection, Object> prepare(TaskParameters parameters) {
        double horizon = parameters
                .optionalNumber("horizonSeconds", 0, false, MAX_HORIZON_SECONDS)
                .orElse(0.0);
        double confidence =
                parameters.optionalNumber("confidence", 0, true, 0.999999).orElse(0.95);
        Duration horizonDuration = Duration.ofMillis(Math.round(horizon * 1000));
        return selection -> LinearTrend.of(selection, horizonDuration, confidence);
    }
}
