package io.tributary.orchestrator.trigger;

/** A trigger ready to be evaluated, compiled once per flow version. */
public interface CompiledTrigger {
    /** Whether this event starts a run of the flow by itself. */
    boolean firedBy(EventFacts event);
}
