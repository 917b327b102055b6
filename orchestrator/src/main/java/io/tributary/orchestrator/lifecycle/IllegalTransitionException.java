package io.tributary.orchestrator.lifecycle;

/** A state change that {@link RunLifecycle} does not allow; a defect of the decider that asked for it. */
public class IllegalTransitionException extends RuntimeException {
    public IllegalTransitionException(String message) {
        super(message);
    }
}
