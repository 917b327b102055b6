package io.tributary.orchestrator.problem;

/** A resource the request names does not exist. */
public class NotFoundProblem extends RuntimeException {
    public NotFoundProblem(String detail) {
        super(detail);
    }
}
