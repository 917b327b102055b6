package io.tributary.orchestrator.expression;

/** An expression that does not compile (with its position, 1-based) or could not be evaluated. */
public final class ExpressionException extends RuntimeException {
    ExpressionException(String source, int line, int column, String reason) {
        super("'" + source + "' at line " + line + ", column " + column + ": " + reason);
    }

    ExpressionException(String source, String reason) {
        super("'" + source + "': " + reason);
    }

    ExpressionException(String message) {
        super(message);
    }
}
