package io.tributary.orchestrator.problem;

import io.tributary.http.problem.Problem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The orchestrator's own errors as problems; those every service shares are mapped in http-common. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problem.of("validation", Response.Status.BAD_REQUEST, "The request is not valid.", uri.getPath())
                .withErrors(errors)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response invalid(InvalidRequestProblem e, UriInfo uri) {
        return Problem.of("validation", Response.Status.BAD_REQUEST, e.getMessage(), uri.getPath())
                .withErrors(e.errors())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundProblem e, UriInfo uri) {
        return Problem.of("not-found", Response.Status.NOT_FOUND, e.getMessage(), uri.getPath())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response conflict(ConflictProblem e, UriInfo uri) {
        return Problem.of("conflict", Response.Status.CONFLICT, e.getMessage(), uri.getPath())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response unavailable(UnavailableProblem e, UriInfo uri) {
        return Response.fromResponse(
                        Problem.of("unavailable", Response.Status.SERVICE_UNAVAILABLE, e.getMessage(), uri.getPath())
                                .toResponse())
                .header("Retry-After", e.retryAfterSeconds())
                .build();
    }

    /**
     * A parameter that cannot be converted names itself and what it should be. A converter does not know the
     * parameter's name: it is found among the request's path, then query parameters by its value.
     */
    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterProblem e, UriInfo uri) {
        String name = e.parameter() != null ? e.parameter() : nameOf(e.value(), uri);
        String message = "must be " + e.expected() + "; got '" + e.value() + "'";
        return Problem.of(
                        "invalid-parameter",
                        Response.Status.BAD_REQUEST,
                        "Parameter '" + name + "' " + message + ".",
                        uri.getPath())
                .withErrors(List.of(new Problem.FieldError(name, message)))
                .toResponse();
    }

    private static String nameOf(String value, UriInfo uri) {
        String names = Stream.of(uri.getPathParameters(), uri.getQueryParameters())
                .flatMap(parameters -> parameters.entrySet().stream())
                .filter(parameter -> parameter.getValue().contains(value))
                .map(Map.Entry::getKey)
                .distinct()
                .collect(Collectors.joining("' or '"));
        return names.isEmpty() ? "?" : names;
    }

    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // Drop the method and parameter names (create.request.) that Hibernate Validator puts first.
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : path;
    }
}
