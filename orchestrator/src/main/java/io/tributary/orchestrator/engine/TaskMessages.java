package io.tributary.orchestrator.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.contract.json.Json;
import io.tributary.contract.task.TaskInput;
import io.tributary.contract.task.TaskMessage;
import io.tributary.orchestrator.flow.TaskSpec;
import io.tributary.orchestrator.run.TaskRun;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The message that sends a task run's current attempt to the executors. */
final class TaskMessages {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private TaskMessages() {}

    static TaskMessage of(RunGraph graph, TaskRun task, EngineTimes times) {
        TaskSpec spec = graph.spec(task);
        Map<String, JsonNode> upstream = new LinkedHashMap<>();
        for (String dependency : spec.dependencies()) {
            String result = graph.task(dependency).result;
            upstream.put(dependency, result == null ? null : Json.read(result, JsonNode.class));
        }
        return new TaskMessage(
                task.id,
                graph.run().id,
                task.taskName,
                spec.type(),
                Json.read(task.parameters, MAP),
                new TaskInput(graph.run().seriesKey, List.of(graph.trigger()), upstream),
                task.attempt,
                spec.timeout(),
                times.heartbeatInterval(),
                graph.flow().spec().resultTopic(),
                graph.flow().spec().name());
    }
}
