package io.tributary.orchestrator.dashboard;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The overview at the site's root. A class of its own: JAX-RS matches a request to the root resource with the
 * longest matching path first, so pages under {@code /} in the same class as {@code /ui/...} would never be found.
 */
@Path("/")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class DashboardHome {
    private final DashboardPages pages;

    DashboardHome(DashboardPages pages) {
        this.pages = pages;
    }

    @GET
    @Operation(hidden = true)
    public Uni<Response> overview(@Context UriInfo uri, @Context HttpHeaders headers) {
        return pages.overview(uri, headers);
    }
}
