package io.tributary.orchestrator.problem;

import io.tributary.http.problem.Problem;
import java.util.List;

/** A request that is well-formed but breaks a rule bean validation cannot express; one entry per field. */
public class InvalidRequestProblem extends RuntimeException {
    private final List<Problem.FieldError> errors;

    public InvalidRequestProblem(String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
