package io.tributary.analytics.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** An RFC 9457 problem details body; {@code type} is stable per kind of problem, so clients can branch on it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, URI instance) {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String BASE = "https://tributary.io/problems/";

    public static Response response(Response.Status status, String kind, String detail, String path) {
        Problem problem = new Problem(
                URI.create(BASE + kind), status.getReasonPhrase(), status.getStatusCode(), detail, URI.create(path));
        return Response.status(status).type(MEDIA_TYPE).entity(problem).build();
    }
}
