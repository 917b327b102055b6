package io.tributary.orchestrator.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.contract.json.Json;
import io.tributary.contract.run.StateType;
import io.tributary.orchestrator.flow.FlowDefinition;
import io.tributary.orchestrator.flow.TaskSpec;
import io.tributary.orchestrator.lifecycle.State;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A flow run as the API shows it; the detail view adds the triggering event, the task runs (with their parameters,
 * inputs and results) and the state history.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A flow run; `trigger`, `taskRuns` and `history` only in GET /runs/{id}")
public record RunView(
        @Schema(example = "0b9f6a4e-2c1d-4e8f-9a7b-3c5d6e7f8a90")
        UUID id,

        @Schema(example = "5e1c2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f")
        UUID flowId,

        @Schema(description = "The version of the flow the run started with, and keeps", example = "3")
        int flowVersion,

        StateView state,

        @Schema(description = "What started the run: `event`, or `manual` (POST /flows/{name}/runs)")
        String triggerKind,

        @Schema(
                description = "Id of the event that triggered the run; `manual:<Idempotency-Key>` for a run by hand",
                example = "a6f0c1d2-3e4f-5a6b-7c8d-9e0f1a2b3c4d")
        String eventId,

        @Schema(description = "The run's parameters, defaults included", example = "{\"window\": 60}")
        JsonNode parameters,

        @Schema(description = "The triggering event's `source|subject`", example = "/iot/plant|boiler-9")
        String seriesKey,

        @Schema(
                description = "Once Completed: the final task's result, or the final tasks' results by name",
                example = "{\"mean\": 71.2, \"count\": 60}")
        JsonNode result,

        Instant createdAt,

        @Schema(description = "When the first task started running: the flow's timeout counts from here")
        Instant startedAt,

        @Schema(
                description = "The triggering event (CloudEvent attributes and data): the run's input",
                example = "{\"id\": \"a6f0c1d2-3e4f-5a6b-7c8d-9e0f1a2b3c4d\", \"source\": \"/iot/plant\","
                        + " \"type\": \"io.tributary.measurement.v1\", \"subject\": \"boiler-9\","
                        + " \"time\": \"2026-11-26T12:00:00Z\", \"data\": {\"metrics\":"
                        + " {\"temperature\": 71.5}, \"attributes\": {}}}")
        JsonNode trigger,

        @Schema(description = "The run's tasks, in the flow's order")
        List<TaskRunView> taskRuns,

        @Schema(description = "Every state the run and its task runs went through, oldest first")
        List<StateChange> history) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A state: its type, Prefect's name for it, why, and since when")
    public record StateView(
            StateType type,
            @Schema(example = "AwaitingRetry") String name,

            @Schema(example = "task 'stats' ended Failed: sensor offline")
            String message,

            Instant timestamp) {
        static StateView of(State state) {
            return new StateView(state.type, state.name.label(), state.message, state.at);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "One task of the run's DAG")
    public record TaskRunView(
            UUID id,

            @Schema(description = "The task's name in the flow", example = "stats")
            String name,

            @Schema(example = "window-stats") String taskType,

            @Schema(description = "Current attempt, from 1; 0 before the first dispatch", example = "1")
            int attempt,

            StateView state,

            @Schema(
                    description = "The parameters of the current attempt, `{{ }}` expressions evaluated; before the"
                            + " first dispatch, as the flow writes them",
                    example = "{\"metric\": \"temperature\", \"windowSeconds\": 60}")
            JsonNode parameters,

            @Schema(description = "The tasks whose completion this one waits for")
            List<String> dependsOn,

            @Schema(
                    description = "Inputs from upstream: each dependency's result by task name (null until it"
                            + " completed); absent for a task without dependencies",
                    example = "{\"stats\": {\"mean\": 71.2}}")
            Map<String, JsonNode> input,

            @Schema(description = "Once Completed", example = "{\"mean\": 71.2}")
            JsonNode result,

            @Schema(description = "The last attempt's error")
            String error,

            @Schema(description = "When the current attempt started running")
            Instant startedAt) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "One entry of the history: the flow run's own state (no taskRunId) or a task run's")
    public record StateChange(UUID taskRunId, Integer attempt, StateView state) {}

    public static RunView summary(FlowRun run) {
        return new RunView(
                run.id,
                run.flowId,
                run.flowVersion,
                StateView.of(run.state),
                run.triggerKind,
                run.eventId,
                json(run.parameters),
                run.seriesKey,
                json(run.result),
                run.createdAt,
                run.startedAt,
                null,
                null,
                null);
    }

    /** @param flow the run's flow, for its tasks' parameters and dependencies; null when it is not known */
    public static RunView detail(FlowRun run, FlowDefinition flow, List<TaskRun> tasks, List<RunState> states) {
        Map<String, TaskRun> byName = tasks.stream().collect(Collectors.toMap(t -> t.taskName, Function.identity()));
        RunView summary = summary(run);
        return new RunView(
                summary.id,
                summary.flowId,
                summary.flowVersion,
                summary.state,
                summary.triggerKind,
                summary.eventId,
                summary.parameters,
                summary.seriesKey,
                summary.result,
                summary.createdAt,
                summary.startedAt,
                json(run.triggerEvent),
                tasks.stream()
                        .sorted(Comparator.comparingInt(t -> order(flow, t)))
                        .map(t -> task(t, flow, byName))
                        .toList(),
                states.stream()
                        .map(s -> new StateChange(s.taskRunId, s.attempt, StateView.of(s.state)))
                        .toList());
    }

    /** The flow's order, as the author listed the tasks; the stored order (creation, then name) without the flow. */
    private static int order(FlowDefinition flow, TaskRun task) {
        return flow == null ? 0 : flow.tasks().indexOf(flow.task(task.taskName));
    }

    private static TaskRunView task(TaskRun task, FlowDefinition flow, Map<String, TaskRun> byName) {
        TaskSpec spec = flow == null ? null : flow.task(task.taskName);
        return new TaskRunView(
                task.id,
                task.taskName,
                task.taskType,
                task.attempt,
                StateView.of(task.state),
                task.parameters != null
                        ? json(task.parameters)
                        : spec == null ? null : Json.MAPPER.valueToTree(spec.parametersOrEmpty()),
                spec == null || spec.dependencies().isEmpty() ? null : spec.dependencies(),
                spec == null || spec.dependencies().isEmpty() ? null : upstream(spec, byName),
                json(task.result),
                task.error,
                task.startedAt);
    }

    /** What the executors received as {@code input.upstream}: the dependencies' results, by name. */
    private static Map<String, JsonNode> upstream(TaskSpec spec, Map<String, TaskRun> byName) {
        Map<String, JsonNode> results = new LinkedHashMap<>();
        spec.dependencies().forEach(name -> {
            TaskRun dependency = byName.get(name);
            results.put(name, dependency == null ? null : json(dependency.result));
        });
        return results;
    }

    private static JsonNode json(String value) {
        return value == null ? null : Json.read(value, JsonNode.class);
    }
}
