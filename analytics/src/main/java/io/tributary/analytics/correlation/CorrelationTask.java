package io.tributary.analytics.correlation;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.tributary.analytics.analysis.ParameterSchema;
import io.tributary.analytics.analysis.TaskParameters;
import io.tributary.analytics.analysis.WindowInput;
import io.tributary.analytics.analysis.WindowSpec;
import io.tributary.analytics.task.AnalysisTask;
import io.tributary.contract.task.TaskMessage;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code correlation}: Pearson and Spearman between {@code metric} of the triggering series and {@code otherMetric}
 * of it or of {@code otherSeries}, over the same window. The other series' window is what this instance holds of it
 * when the task runs.
 */
@ApplicationScoped
public class CorrelationTask implements AnalysisTask {
    public static final String TYPE = "correlation";
    private static final double MAX_ALIGN_SECONDS = 86_400;

    private final WindowInput input;

    public CorrelationTask(WindowInput input) {
        this.input = input;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Pearson's and Spearman's correlation between metric of the triggering series and otherMetric (default:"
                + " metric) of it or of otherSeries (a series key), over the same window, pairing values at the same"
                + " event time or, with alignSeconds, the means of the same aligned bucket";
    }

    @Override
    public JsonNode parameterSchema() {
        return input.describe(new ParameterSchema()
                        .string("metric", "The metric of the triggering series")
                        .string("otherMetric", "The metric to correlate with (default: metric)")
                        .string(
                                "otherSeries",
                                "The series key (source|subject) of the other metric (default: the triggering series)")
                        .positive(
                                "alignSeconds",
                                "Pair bucket means of this many seconds instead of equal times",
                                MAX_ALIGN_SECONDS)
                        .required("metric")
                        .anyOf("otherMetric", "otherSeries"))
                .build();
    }

    @Override
    public Uni<Object> execute(TaskMessage task) {
        TaskParameters parameters = new TaskParameters(task.parameters());
        String metric = parameters.string("metric");
        WindowSpec spec = input.spec(parameters);
        String series = task.input().seriesKey();
        String otherSeries = parameters.optionalString("otherSeries").orElse(series);
        String otherMetric = parameters.optionalString("otherMetric").orElse(metric);
        if (otherSeries.equals(series) && otherMetric.equals(metric)) {
            throw TaskParameters.invalid(
                    "otherMetric", "or 'otherSeries' must name something else than 'metric' itself");
        }
        long alignMillis = parameters
                .optionalNumber("alignSeconds", 0, true, MAX_ALIGN_SECONDS)
                .map(seconds -> Math.max(1, Math.round(seconds * 1000)))
                .orElse(1L);
        return input.select(task, metric, spec)
                .map(first -> Correlation.of(
                        first, input.select(otherSeries, otherMetric, spec, first.end()), otherSeries, alignMillis));
    }
}
