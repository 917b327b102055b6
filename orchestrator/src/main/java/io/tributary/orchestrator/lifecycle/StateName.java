package io.tributary.orchestrator.lifecycle;

import io.tributary.contract.run.StateType;

/**
 * Prefect's named states, each carrying its state type. Flow runs and task runs use the same names; the legal moves
 * between them are {@link RunLifecycle}'s.
 */
public enum StateName {
    SCHEDULED(StateType.SCHEDULED, "Scheduled"),
    /** Not started within the flow's "start within": reported, never failed. */
    LATE(StateType.SCHEDULED, "Late"),
    /** A failed attempt waits for its retry delay; a finished run waits to be re-run by hand. */
    AWAITING_RETRY(StateType.SCHEDULED, "AwaitingRetry"),
    PENDING(StateType.PENDING, "Pending"),
    /** Held back by a concurrency limit (ENQUEUE): starts in arrival order when a slot frees. */
    AWAITING_CONCURRENCY_SLOT(StateType.PENDING, "AwaitingConcurrencySlot"),
    RUNNING(StateType.RUNNING, "Running"),
    /** A second or later attempt is running. */
    RETRYING(StateType.RUNNING, "Retrying"),
    COMPLETED(StateType.COMPLETED, "Completed"),
    FAILED(StateType.FAILED, "Failed"),
    TIMED_OUT(StateType.FAILED, "TimedOut"),
    CANCELLING(StateType.CANCELLING, "Cancelling"),
    CANCELLED(StateType.CANCELLED, "Cancelled"),
    /** The executor stopped reporting (no heartbeat): the attempt's fate is unknown. */
    CRASHED(StateType.CRASHED, "Crashed"),
    PAUSED(StateType.PAUSED, "Paused");

    private final StateType type;
    private final String label;

    StateName(StateType type, String label) {
        this.type = type;
        this.label = label;
    }

    public StateType type() {
        return type;
    }

    /** The name as stored, published and shown: Prefect's spelling. */
    public String label() {
        return label;
    }

    public boolean isFinal() {
        return type.isFinal();
    }

    public static StateName ofLabel(String label) {
        for (StateName name : values()) {
            if (name.label.equals(label)) {
                return name;
            }
        }
        throw new IllegalArgumentException("unknown state name '" + label + "'");
    }
}
