package io.tributary.orchestrator.engine;

import io.tributary.orchestrator.lifecycle.StateName;
import java.time.Instant;
import java.util.UUID;

/**
 * One thing a decider decided; {@link RunWriter} applies it. {@code taskRunId} null means the flow run itself.
 * Deciders only return changes: they never touch the run, the database or Kafka.
 */
public sealed interface Change {
    /** A state change, checked against the lifecycle, stored in the history and published on tributary.runs. */
    record Move(UUID taskRunId, StateName to, String message) implements Change {}

    /** The task run's next attempt goes to the executors, with its parameters (JSON, expressions evaluated). */
    record Dispatch(UUID taskRunId, String parameters) implements Change {}

    /** The run or the task run's attempt started: timeouts count from {@code at}. */
    record Started(UUID taskRunId, Instant at) implements Change {}

    /** The executor is alive and still working on the attempt. */
    record Heartbeat(UUID taskRunId, Instant at) implements Change {}

    /** JSON result of a task run, or of the flow run. */
    record Result(UUID taskRunId, String json) implements Change {}

    /** The attempt's error, kept on the task run. */
    record Error(UUID taskRunId, String error) implements Change {}

    /** When the next attempt of a task run waiting for its retry is due. */
    record RetryAt(UUID taskRunId, Instant at) implements Change {}

    /** When the run, waiting for a concurrency slot, is next admitted or turned away; null: until a slot frees. */
    record AdmitAt(Instant at) implements Change {}

    /** Tells the executors to stop (or never start) the task run's current attempt. */
    record Cancel(UUID taskRunId, String reason) implements Change {}
}
