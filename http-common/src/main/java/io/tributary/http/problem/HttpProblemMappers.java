package io.tributary.http.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.tributary.http.LogSafe;
import io.tributary.http.security.ApiKeyAuthenticationMechanism;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The errors every service's API shares, as {@code application/problem+json}; a service maps its own kinds beside
 * these. Authentication failures reach here because proactive authentication is off (http-common's
 * microprofile-config.properties).
 */
public class HttpProblemMappers {

    /** Missing credentials, or ones that did not verify; which of the two is not said, nor why a token failed. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(Problem.of(
                                "unauthorized",
                                Response.Status.UNAUTHORIZED,
                                "This request needs a bearer token (Authorization: Bearer <JWT>) or an API key ("
                                        + ApiKeyAuthenticationMechanism.HEADER + ") that the service accepts.",
                                uri.getPath())
                        .toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .header(HttpHeaders.WWW_AUTHENTICATE, ApiKeyAuthenticationMechanism.CHALLENGE)
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.of(
                        "forbidden",
                        Response.Status.FORBIDDEN,
                        "Your roles do not allow this request (viewer reads; operator also triggers, cancels and"
                                + " retries; admin also changes flows and sources).",
                        uri.getPath())
                .toResponse();
    }

    /** JSON of the wrong shape, which Quarkus' Jackson reader lets through unwrapped. */
    @ServerExceptionMapper
    public Response mismatchedBody(MismatchedInputException e, UriInfo uri) {
        return MalformedBody.of(e, uri.getPath()).toResponse();
    }

    /**
     * Framework errors (unknown path, unsupported media type, body too large) keep their status, in problem form; a
     * body that is not JSON, which the Jackson reader wraps in a 400, says where it breaks.
     */
    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException) {
            return MalformedBody.of((JsonProcessingException) e.getCause(), uri.getPath())
                    .toResponse();
        }
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        if (status == null) {
            status = Response.Status.BAD_REQUEST;
        }
        String kind = status == Response.Status.NOT_FOUND ? "not-found" : "http-" + status.getStatusCode();
        return Problem.of(kind, status, e.getMessage(), uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        Log.errorf(e, "Unexpected error on %s", LogSafe.text(uri.getPath()));
        return Problem.of(
                        "internal",
                        Response.Status.INTERNAL_SERVER_ERROR,
                        "The server failed to handle the request; it has been logged.",
                        uri.getPath())
                .toResponse();
    }
}
