package io.tributary.stream.status;

import io.tributary.http.security.Roles;
import io.tributary.stream.intake.SourceIntake;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /sources}: each source's counters, rates, lag and last error since start, by name. */
@Path("/sources")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class SourceResource {
    private final SourceIntake intake;

    public SourceResource(SourceIntake intake) {
        this.intake = intake;
    }

    @GET
    public List<SourceStatus> sources() {
        return intake.activities().stream().map(SourceActivity::status).toList();
    }
}
