package io.tributary.analytics.problem;

import io.quarkus.logging.Log;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error of the HTTP API as {@code application/problem+json}, as the other services answer them. */
public class ProblemMappers {

    /** Unknown series, bad parameters, unknown paths: their status, in problem form. */
    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        if (status == null) {
            status = Response.Status.BAD_REQUEST;
        }
        String kind = status == Response.Status.NOT_FOUND
                ? "not-found"
                : status == Response.Status.BAD_REQUEST ? "invalid-parameter" : "http-" + status.getStatusCode();
        return Problem.response(status, kind, e.getMessage(), uri.getPath());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        Log.error("Unexpected error on " + uri.getPath(), e);
        return Problem.response(
                Response.Status.INTERNAL_SERVER_ERROR,
                "internal",
                "The server failed to handle the request; it has been logged.",
                uri.getPath());
    }
}
