package io.tributary.contract.run;

/** Prefect's state types. Named states (Late, AwaitingRetry, Retrying, TimedOut) carry one of these. */
public enum StateType {
    SCHEDULED,
    PENDING,
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELLING,
    CANCELLED,
    CRASHED,
    PAUSED;

    /** A run in a final state takes no further transition (redelivered updates are dropped). */
    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED || this == CRASHED;
    }
}
