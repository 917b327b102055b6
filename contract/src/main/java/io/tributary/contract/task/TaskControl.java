package io.tributary.contract.task;

import java.time.Instant;
import java.util.UUID;

/**
 * A command for a task run, on {@code tributary.task-control}, keyed by series key. Every executor replica reads
 * every command: the one running the attempt stops it, and whoever receives the task message later never starts it.
 *
 * @param attempt the attempt the command is for; later attempts are not affected
 */
public record TaskControl(UUID taskRunId, UUID flowRunId, int attempt, Command command, String reason, Instant at) {
    public enum Command {
        CANCEL
    }

    public static TaskControl cancel(UUID taskRunId, UUID flowRunId, int attempt, String reason, Instant at) {
        return new TaskControl(taskRunId, flowRunId, attempt, Command.CANCEL, reason, at);
    }
}
