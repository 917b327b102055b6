package io.tributary.analytics.stats;

import io.tributary.analytics.analysis.ParameterSchema;
import io.tributary.analytics.analysis.Selection;
import io.tributary.analytics.analysis.TaskParameters;
import io.tributary.analytics.analysis.WindowInput;
import io.tributary.analytics.analysis.WindowedTask;
import jakarta.inject.Singleton;
import java.util.function.Function;

/** {@code window-stats}: descriptive statistics of one metric over a window of the triggering series. */
@Singleton
public class WindowStatsTask extends WindowedTask {
    public static final String TYPE = "window-stats";

    public WindowStatsTask(WindowInput input) {
        super(input);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Count, sum, mean, min, max, sample standard deviation and variance, and exact percentiles p50, p90,"
                + " p95, p99 (linear between ranks, R type 7) of one metric over a window of the triggering series";
    }

    @Override
    protected ParameterSchema describe(ParameterSchema schema) {
        return schema;
    }

    @Override
    protected Function<Selection, Object> prepare(TaskParameters parameters) {
        return WindowStats::of;
    }
}
