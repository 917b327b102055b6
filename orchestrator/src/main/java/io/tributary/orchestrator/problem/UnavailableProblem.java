package io.tributary.orchestrator.problem;

/** The service cannot take the request now, and says when to try again. */
public class UnavailableProblem extends RuntimeException {
    private final int retryAfterSeconds;

    public UnavailableProblem(String detail, int retryAfterSeconds) {
        super(detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
