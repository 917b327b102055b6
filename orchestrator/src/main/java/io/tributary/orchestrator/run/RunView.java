package io.tributary.orchestrator.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.contract.json.Json;
import io.tributary.contract.run.StateType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A flow run as the API shows it; the detail view adds task runs and the state history. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunView(
        UUID id,
        UUID flowId,
        State state,
        String eventId,
        String seriesKey,
        JsonNode result,
        Instant createdAt,
        Instant updatedAt,
        List<TaskRunView> taskRuns,
        List<StateChange> history) {

    public record State(StateType type, String name) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TaskRunView(
            UUID id, String taskType, int attempt, State state, JsonNode result, String error, Instant deadline) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StateChange(UUID taskRunId, State state, String message, Instant timestamp) {}

    public static RunView summary(FlowRun run) {
        return of(run, null, null);
    }

    public static RunView detail(FlowRun run, List<TaskRun> tasks, List<RunState> states) {
        return of(
                run,
                tasks.stream()
                        .map(t -> new TaskRunView(
                                t.id,
                                t.taskType,
                                t.attempt,
                                new State(t.stateType, t.stateName),
                                json(t.result),
                                t.error,
                                t.deadline))
                        .toList(),
                states.stream()
                        .map(s -> new StateChange(
                                s.taskRunId, new State(s.stateType, s.stateName), s.message, s.occurredAt))
                        .toList());
    }

    private static RunView of(FlowRun run, List<TaskRunView> tasks, List<StateChange> history) {
        return new RunView(
                run.id,
                run.flowId,
                new State(run.stateType, run.stateName),
                run.eventId,
                run.seriesKey,
                json(run.result),
                run.createdAt,
                run.updatedAt,
                tasks,
                history);
    }

    private static JsonNode json(String value) {
        return value == null ? null : Json.read(value, JsonNode.class);
    }
}
