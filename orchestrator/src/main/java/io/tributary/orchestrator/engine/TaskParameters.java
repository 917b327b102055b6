package io.tributary.orchestrator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.contract.json.Json;
import io.tributary.orchestrator.expression.CelValues;
import io.tributary.orchestrator.expression.ExpressionException;
import io.tributary.orchestrator.expression.ParameterTemplate;
import io.tributary.orchestrator.run.TaskRun;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A task run's parameters for its dispatch: the expressions of its spec evaluated over the run's parameters, its
 * triggering event and the results of the tasks it depends on.
 *
 * @param json the parameters, when they could be computed
 * @param error why they could not (the task then fails without being dispatched)
 */
record TaskParameters(String json, String error) {

    static TaskParameters of(RunGraph graph, TaskRun task) {
        ParameterTemplate template = graph.flow().parameters(task.taskName);
        if (!template.hasExpressions()) {
            return new TaskParameters(template.written(), null);
        }
        Map<String, Object> upstream = new LinkedHashMap<>();
        for (String dependency : graph.spec(task).dependencies()) {
            String result = graph.task(dependency).result;
            upstream.put(dependency, CelValues.of(result == null ? null : Json.read(result, JsonNode.class)));
        }
        Map<String, Object> variables = CelValues.parameters(Json.read(graph.run().parameters, JsonNode.class));
        variables.put("event", CelValues.of(graph.trigger()));
        variables.put("tasks", upstream);
        try {
            return new TaskParameters(Json.write(template.evaluate(variables)), null);
        } catch (ExpressionException e) {
            return new TaskParameters(null, "its parameters could not be computed: " + e.getMessage());
        }
    }
}
