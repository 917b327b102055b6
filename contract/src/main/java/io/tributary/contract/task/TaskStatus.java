package io.tributary.contract.task;

/** What an executor reports about a task run attempt. */
public enum TaskStatus {
    RUNNING,
    COMPLETED,
    FAILED
}
