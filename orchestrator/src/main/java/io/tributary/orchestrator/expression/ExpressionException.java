package io.tributary.orchestrator.expression;

/** An expression that does not compile (with its position, 1-based) or could not be evaluated. */
public final class ExpressionException extends RuntimeException {
    private final int line;
    private final int column;
    private final String reason;

    ExpressionException(String source, int line, int column, String reason) {
        super("'" + source + "' at line " + line + ", column " + column + ": " + reason);
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    ExpressionException(String source, String reason) {
        super("'" + source + "': " + reason);
        this.line = 0;
        this.column = 0;
        this.reason = reason;
    }

    ExpressionException(String message) {
        super(message);
        this.line = 0;
        this.column = 0;
        this.reason = message;
    }

    /** 1-based; 0 for an evaluation error. */
    public int line() {
        return line;
    }

    /** 1-based; 0 for an evaluation error. */
    public int column() {
        return column;
    }

    /** The compiler's or evaluator's words, without the expression. */
    public String reason() {
        return reason;
    }
}
