package io.tributary.orchestrator.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.contract.json.Json;
import io.tributary.contract.run.StateType;
import io.tributary.orchestrator.lifecycle.State;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A flow run as the API shows it; the detail view adds task runs and the state history. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunView(
        UUID id,
        UUID flowId,
        int flowVersion,
        StateView state,
        String triggerKind,
        String eventId,
        JsonNode parameters,
        String seriesKey,
        JsonNode result,
        Instant createdAt,
        Instant startedAt,
        List<TaskRunView> taskRuns,
        List<StateChange> history) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StateView(StateType type, String name, String message, Instant timestamp) {
        static StateView of(State state) {
            return new StateView(state.type, state.name.label(), state.message, state.at);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TaskRunView(
            UUID id,
            String name,
            String taskType,
            int attempt,
            JsonNode parameters,
            StateView state,
            JsonNode result,
            String error,
            Instant startedAt) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StateChange(UUID taskRunId, Integer attempt, StateView state) {}

    public static RunView summary(FlowRun run) {
        return of(run, null, null);
    }

    public static RunView detail(FlowRun run, List<TaskRun> tasks, List<RunState> states) {
        return of(
                run,
                tasks.stream()
                        .map(t -> new TaskRunView(
                                t.id,
                                t.taskName,
                                t.taskType,
                                t.attempt,
                                json(t.parameters),
                                StateView.of(t.state),
                                json(t.result),
                                t.error,
                                t.startedAt))
                        .toList(),
                states.stream()
                        .map(s -> new StateChange(s.taskRunId, s.attempt, StateView.of(s.state)))
                        .toList());
    }

    private static RunView of(FlowRun run, List<TaskRunView> tasks, List<StateChange> history) {
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
                tasks,
                history);
    }

    private static JsonNode json(String value) {
        return value == null ? null : Json.read(value, JsonNode.class);
    }
}
