package io.tributary.orchestrator.expression;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;

/** A compiled CEL expression; thread-safe, so one per flow version serves every run. */
public final class CompiledExpression {
    private final String source;
    private final CelRuntime.Program program;

    CompiledExpression(String source, CelRuntime.Program program) {
        this.source = source;
        this.program = program;
    }

    /**
     * @param variables JSON-shaped values ({@link CelValues#of})
     * @throws ExpressionException when evaluation fails (a missing key, a type the expression cannot take)
     */
    public Object evaluate(Map<String, ?> variables) {
        try {
            return program.eval(variables);
        } catch (CelEvaluationException e) {
            throw new ExpressionException(source, e.getMessage());
        }
    }

    /** A condition's answer; a filter that cannot be evaluated for an event does not match it. */
    public boolean test(Map<String, ?> variables) {
        try {
            return Boolean.TRUE.equals(program.eval(variables));
        } catch (CelEvaluationException e) {
            return false;
        }
    }
}
