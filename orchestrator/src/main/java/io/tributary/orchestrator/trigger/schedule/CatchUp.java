package io.tributary.orchestrator.trigger.schedule;

/** What a schedule does with the fire times it missed while no orchestrator was running. */
public enum CatchUp {
    /** None of them: the schedule goes on from now. */
    SKIP,
    /** One run, for the latest of them. */
    ONCE,
    /** A run for each, oldest first, at most {@code maxCatchUp}; the rest are skipped and logged. */
    ALL
}
