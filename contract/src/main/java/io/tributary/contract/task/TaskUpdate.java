package io.tributary.contract.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * Progress of a task run attempt, on {@code tributary.task-updates}, keyed by flow run id: RUNNING, HEARTBEAT,
 * COMPLETED with a result, FAILED or TIMED_OUT with an error, CANCELLED.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskUpdate(
        UUID taskRunId, UUID flowRunId, int attempt, TaskStatus status, JsonNode result, String error, Instant at) {

    public static TaskUpdate of(TaskMessage task, TaskStatus status, Instant at) {
        return new TaskUpdate(task.taskRunId(), task.flowRunId(), task.attempt(), status, null, null, at);
    }

    public static TaskUpdate running(TaskMessage task, Instant at) {
        return of(task, TaskStatus.RUNNING, at);
    }

    public static TaskUpdate completed(TaskMessage task, JsonNode result, Instant at) {
        return new TaskUpdate(
                task.taskRunId(), task.flowRunId(), task.attempt(), TaskStatus.COMPLETED, result, null, at);
    }

    /** FAILED, TIMED_OUT or CANCELLED with the reason. */
    public static TaskUpdate ended(TaskMessage task, TaskStatus status, String reason, Instant at) {
        return new TaskUpdate(task.taskRunId(), task.flowRunId(), task.attempt(), status, null, reason, at);
    }

    public static TaskUpdate failed(TaskMessage task, String error, Instant at) {
        return ended(task, TaskStatus.FAILED, error, at);
    }
}
