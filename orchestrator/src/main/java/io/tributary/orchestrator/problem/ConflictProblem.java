package io.tributary.orchestrator.problem;

/** The request conflicts with what is stored (a flow of that name exists). */
public class ConflictProblem extends RuntimeException {
    public ConflictProblem(String detail) {
        super(detail);
    }
}
