package io.tributary.api.problem;

import io.tributary.http.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** ingest-api's own refusals as problems; those every service shares are mapped in http-common. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return Problem.of(e.kind(), e.status(), e.getMessage(), uri.getPath()).toResponse();
    }
}
