package io.tributary.orchestrator.problem;

/** The request conflicts with what is stored (a flow of that name exists, a finished run cannot be cancelled). */
public class ConflictProblem extends RuntimeException {
    public ConflictProblem(String detail) {
        super(detail);
    }
}
