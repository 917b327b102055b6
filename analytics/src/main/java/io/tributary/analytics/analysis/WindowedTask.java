package io.tributary.analytics.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.tributary.analytics.task.AnalysisTask;
import io.tributary.contract.task.TaskMessage;
import java.util.function.Function;

/**
 * A task type that computes on one metric in a window of its triggering series: parameters {@code metric} and the
 * window's ({@link WindowSpec}), plus its own. Its parameters are all checked before it waits for the window, so a
 * bad one fails the attempt at once, named. Subclasses are {@code @Singleton} beans: a normal scope's client proxy
 * would need a no-argument constructor here.
 */
public abstract class WindowedTask implements AnalysisTask {
    private final WindowInput input;

    protected WindowedTask(WindowInput input) {
        this.input = input;
    }

    /** Adds the type's own parameters to the schema. */
    protected abstract ParameterSchema describe(ParameterSchema schema);

    /** Reads the type's own parameters and returns the computation on the selected window. */
    protected abstract Function<Selection, Object> prepare(TaskParameters parameters);

    @Override
    public JsonNode parameterSchema() {
        ParameterSchema schema = new ParameterSchema()
                .string("metric", "The metric of the events' data")
                .required("metric");
        return describe(input.describe(schema)).build();
    }

    @Override
    public Uni<Object> execute(TaskMessage task) {
        TaskParameters parameters = new TaskParameters(task.parameters());
        String metric = parameters.string("metric");
        WindowSpec spec = input.spec(parameters);
        Function<Selection, Object> computation = prepare(parameters);
        return input.select(task, metric, spec).map(computation);
    }
}
