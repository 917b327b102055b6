package io.tributary.orchestrator.expression;

import java.util.List;
import java.util.stream.Collectors;

/** Parameter expressions that do not compile, each with the parameter it is in. */
public final class TemplateException extends RuntimeException {
    private final List<Error> errors;

    TemplateException(List<Error> errors) {
        super(errors.stream().map(e -> e.path() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<Error> errors() {
        return errors;
    }

    /** @param path the parameter, e.g. {@code tasks[1].parameters.threshold} */
    public record Error(String path, String message) {}
}
