package io.tributary.contract.task;

/** What an executor reports about a task run attempt. */
public enum TaskStatus {
    /** The executor started the attempt: its timeout counts from here. */
    RUNNING,
    /** The attempt is still running (sent every {@link TaskMessage#heartbeatInterval()}). */
    HEARTBEAT,
    COMPLETED,
    /** The task itself failed (an error, invalid parameters, missing data). */
    FAILED,
    /** The attempt ran past its timeout and was stopped. */
    TIMED_OUT,
    /** The attempt was cancelled on request ({@code tributary.task-control}) and did not, or will not, run. */
    CANCELLED
}
