package io.tributary.analytics.control;

import io.tributary.contract.task.TaskControl;
import io.tributary.contract.task.TaskMessage;
import java.util.UUID;

/** One attempt of a task run: what a cancel names, and what an executor runs. */
public record AttemptKey(UUID taskRunId, int attempt) {
    public static AttemptKey of(TaskMessage task) {
        return new AttemptKey(task.taskRunId(), task.attempt());
    }

    public static AttemptKey of(TaskControl control) {
        return new AttemptKey(control.taskRunId(), control.attempt());
    }
}
