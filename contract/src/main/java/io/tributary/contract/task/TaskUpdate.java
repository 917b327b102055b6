package io.tributary.contract.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** Progress of a task run, on {@code tributary.task-updates}: RUNNING, COMPLETED with a result, FAILED with an error. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskUpdate(
        UUID taskRunId, UUID flowRunId, int attempt, TaskStatus status, JsonNode result, String error, Instant at) {

    public static TaskUpdate running(TaskMessage task, Instant at) {
        return new TaskUpdate(task.taskRunId(), task.flowRunId(), task.attempt(), TaskStatus.RUNNING, null, null, at);
    }

    public static TaskUpdate completed(TaskMessage task, JsonNode result, Instant at) {
        return new TaskUpdate(
                task.taskRunId(), task.flowRunId(), task.attempt(), TaskStatus.COMPLETED, result, null, at);
    }

    public static TaskUpdate failed(TaskMessage task, String error, Instant at) {
        return new TaskUpdate(task.taskRunId(), task.flowRunId(), task.attempt(), TaskStatus.FAILED, null, error, at);
    }
}
