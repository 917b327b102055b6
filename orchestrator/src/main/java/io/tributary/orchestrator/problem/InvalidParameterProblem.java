package io.tributary.orchestrator.problem;

import jakarta.ws.rs.BadRequestException;

/**
 * A path, query or header parameter whose value cannot be used. A {@link jakarta.ws.rs.WebApplicationException}, so
 * that RESTEasy passes it through from a parameter converter as it is instead of turning it into a 404 (what JAX-RS
 * prescribes for a path or query parameter that fails to convert).
 */
public class InvalidParameterProblem extends BadRequestException {
    private final String parameter;
    private final String value;
    private final String expected;

    /**
     * @param parameter the parameter's name, or null when the thrower does not know it (a converter): the mapper then
     *     finds it among the request's parameters by its value
     * @param expected what a valid value looks like, e.g. "a UUID" or "one of A, B"
     */
    public InvalidParameterProblem(String parameter, String value, String expected) {
        super("parameter " + parameter + " = '" + value + "' is not " + expected);
        this.parameter = parameter;
        this.value = value;
        this.expected = expected;
    }

    public String parameter() {
        return parameter;
    }

    public String value() {
        return value;
    }

    public String expected() {
        return expected;
    }
}
