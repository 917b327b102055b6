package io.tributary.analytics.resample;

import io.tributary.analytics.analysis.ParameterSchema;
import io.tributary.analytics.analysis.Selection;
import io.tributary.analytics.analysis.TaskParameters;
import io.tributary.analytics.analysis.WindowInput;
import io.tributary.analytics.analysis.WindowedTask;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.function.Function;

/** {@code resample}: downsamples one metric of a window to a step, with an aggregate per step. */
@Singleton
public class ResampleTask extends WindowedTask {
    public static final String TYPE = "resample";
    /** Bounds a result's size: a window of a day at one-second steps would be 86,400 buckets. */
    static final int MAX_BUCKETS = 10_000;

    public ResampleTask(WindowInput input) {
        super(input);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "One value per stepSeconds of event time (buckets aligned on the epoch, empty ones left out) of one"
                + " metric over a window: the bucket's mean (default), sum, min, max, count, first, last or median;"
                + " at most " + MAX_BUCKETS + " buckets";
    }

    @Override
    protected ParameterSchema describe(ParameterSchema schema) {
        return schema.positive("stepSeconds", "The step to downsample to", 86_400)
                .choice(
                        "aggregate",
                        "How a step's values become one (default mean)",
                        Aggregate.parameterValues().toArray(String[]::new))
                .required("stepSeconds");
    }

    @Override
    protected Function<Selection, Object> prepare(TaskParameters parameters) {
        long stepMillis = Math.max(1, Math.round(parameters.number("stepSeconds", 0, true, 86_400) * 1000));
        Aggregate aggregate = Aggregate.valueOf(parameters
                .oneOf("aggregate", Aggregate.parameterValues(), "mean")
                .toUpperCase(Locale.ROOT));
        if (parameters.has("windowSeconds")
                && parameters.number("windowSeconds", 0, true, Double.MAX_VALUE) * 1000 / stepMillis > MAX_BUCKETS) {
            throw TaskParameters.invalid("stepSeconds", "makes more than " + MAX_BUCKETS + " buckets of windowSeconds");
        }
        return selection -> Resampled.of(selection, stepMillis, aggregate);
    }
}
