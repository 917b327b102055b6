package io.tributary.http.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem details body. {@code type} is stable per kind of problem, so clients can branch on it.
 *
 * @param errors for validation problems, one entry per invalid field
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        description = "An RFC 9457 problem (application/problem+json)",
        example = "{\"type\": \"https://tributary.io/problems/invalid-parameter\", \"title\": \"Bad Request\","
                + " \"status\": 400, \"detail\": \"Parameter 'flow' must be a UUID such as"
                + " 3f2b6c1e-8d4a-4c5e-9b7f-0a1d2c3e4f50; got 'boilers'.\", \"instance\": \"/runs\","
                + " \"errors\": [{\"field\": \"flow\", \"message\": \"must be a UUID such as"
                + " 3f2b6c1e-8d4a-4c5e-9b7f-0a1d2c3e4f50; got 'boilers'\"}]}")
public record Problem(
        @Schema(
                description = "Stable per kind of problem: invalid-parameter, malformed-body, validation,"
                        + " not-found, conflict, unavailable, internal",
                example = "https://tributary.io/problems/invalid-parameter")
        URI type,

        @Schema(description = "The status's reason phrase", example = "Bad Request")
        String title,

        @Schema(example = "400") int status,

        @Schema(description = "What was wrong, for a person", example = "Parameter 'state' must be one of …")
        String detail,

        @Schema(description = "The request's path", example = "/runs")
        URI instance,

        @Schema(description = "Per invalid field or parameter, what is wrong with it")
        List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String BASE = "https://tributary.io/problems/";

    @Schema(description = "One invalid field (JSON path in the body) or parameter")
    public record FieldError(
            @Schema(example = "tasks[0].timeoutSeconds") String field,
            @Schema(example = "must be greater than 0") String message) {}

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
