package io.tributary.analytics.threshold;

import io.tributary.analytics.analysis.ParameterSchema;
import io.tributary.analytics.analysis.Selection;
import io.tributary.analytics.analysis.TaskParameters;
import io.tributary.analytics.analysis.WindowInput;
import io.tributary.analytics.analysis.WindowedTask;
import jakarta.inject.Singleton;
import java.util.function.Function;

/** {@code threshold}: whether a metric left a band for k consecutive points or a share of the window. */
@Singleton
public class ThresholdTask extends WindowedTask {
    public static final String TYPE = "threshold";

    public ThresholdTask(WindowInput input) {
        super(input);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Whether one metric was above 'above', below 'below', or outside the band between both, for at least"
                + " 'consecutive' points in a row (default 1) or at least a 'share' of the window's points";
    }

    @Override
    protected ParameterSchema describe(ParameterSchema schema) {
        return schema.number("above", "A value greater than this breaches")
                .number("below", "A value less than this breaches; with above, outside the band [below, above]")
                .integer("consecutive", "Breaching points in a row that make a breach (default 1)", 1, 1_000_000)
                .positive("share", "Instead of consecutive: the share of the window's points that makes a breach", 1)
                .anyOf("above", "below");
    }

    @Override
    protected Function<Selection, Object> prepare(TaskParameters parameters) {
        Double above = parameters
                .optionalNumber("above", -Double.MAX_VALUE, false, Double.MAX_VALUE)
                .orElse(null);
        Double below = parameters
                .optionalNumber("below", -Double.MAX_VALUE, false, Double.MAX_VALUE)
                .orElse(null);
        if (above == null && below == null) {
            throw TaskParameters.invalid("above", "or 'below' is required");
        }
        if (above != null && below != null && below > above) {
            throw TaskParameters.invalid("below", "must not be greater than 'above' (" + above + "); got " + below);
        }
        if (parameters.has("share") && parameters.has("consecutive")) {
            throw TaskParameters.invalid("share", "goes without 'consecutive'");
        }
        Double share = parameters.optionalNumber("share", 0, true, 1).orElse(null);
        ThresholdRule rule = new ThresholdRule(above, below, parameters.integer("consecutive", 1, 1_000_000, 1), share);
        return selection -> ThresholdCheck.of(selection, rule);
    }
}
