package io.tributary.analytics.rate;

import io.tributary.analytics.analysis.ParameterSchema;
import io.tributary.analytics.analysis.Selection;
import io.tributary.analytics.analysis.TaskParameters;
import io.tributary.analytics.analysis.WindowInput;
import io.tributary.analytics.analysis.WindowedTask;
import jakarta.inject.Singleton;
import java.util.function.Function;

/** {@code rate-of-change}: change per second of one metric over a window, with counter resets handled. */
@Singleton
public class RateOfChangeTask extends WindowedTask {
    public static final String TYPE = "rate-of-change";

    public RateOfChangeTask(WindowInput input) {
        super(input);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Change per second of one metric over a window (and between its last two points); with counter=true"
                + " a drop is a counter reset and the new value counts as the increase across it";
    }

    @Override
    protected ParameterSchema describe(ParameterSchema schema) {
        return schema.bool("counter", "A monotonic counter that may reset to zero (default false)");
    }

    @Override
    protected Function<Selection, Object> prepare(TaskParameters parameters) {
        boolean counter = parameters.bool("counter", false);
        return selection -> RateOfChange.of(selection, counter);
    }
}
