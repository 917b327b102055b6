package io.tributary.contract;

/** Kafka topic names of the contract (ARCHITECTURE.md). Code and tests use these, never literals. */
public final class Topics {
    public static final String EVENTS = "tributary.events";
    public static final String EVENTS_DLQ = "tributary.events.dlq";
    public static final String TASKS = "tributary.tasks";
    public static final String TASK_CONTROL = "tributary.task-control";
    public static final String TASK_UPDATES = "tributary.task-updates";
    public static final String RUNS = "tributary.runs";
    public static final String RESULTS = "tributary.results";
    /** Compacted, keyed by task type: what the executors can run, with each type's parameter schema. */
    public static final String TASK_TYPES = "tributary.task-types";

    private Topics() {}
}
