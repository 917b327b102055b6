package io.tributary.orchestrator.flow;

/** Why an attempt did not complete; a retry policy names the kinds it retries. */
public enum FailureKind {
    /** The task reported an error (FAILED). */
    ERROR,
    /** The attempt ran past its timeout (TimedOut). */
    TIMEOUT,
    /** The executor stopped heartbeating (Crashed). */
    CRASH
}
