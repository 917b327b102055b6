package io.tributary.orchestrator.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem details body. {@code type} is stable per kind of problem, so clients can branch on it.
 *
 * @param errors for validation problems, one entry per invalid field
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, URI instance, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String BASE = "https://tributary.io/problems/";

    public record FieldError(String field, String message) {}

    public static Problem of(String kind, Response.Status status, String detail, String path) {
        return new Problem(
                URI.create(BASE + kind),
                status.getReasonPhrase(),
                status.getStatusCode(),
                detail,
                URI.create(path),
                null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
