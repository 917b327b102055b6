package io.tributary.api.status;

import io.smallrye.mutiny.Uni;
import io.tributary.api.poll.PollScheduler;
import io.tributary.api.problem.ProblemException;
import io.tributary.api.source.Source;
import io.tributary.api.source.Sources;
import io.tributary.http.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The sources as this replica sees them, and a poll on demand. */
@Path("/sources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sources")
@RolesAllowed(Roles.VIEWER)
public class SourceResource {
    private final Sources sources;
    private final PollScheduler scheduler;

    public SourceResource(Sources sources, PollScheduler scheduler) {
        this.sources = sources;
        this.scheduler = scheduler;
    }

    @GET
    @Operation(
            summary = "Every source as this replica sees it: state, lease, last success and error, next poll, counts")
    public List<SourceStatus> list() {
        return sources.all().stream()
                .map(Source::activity)
                .map(SourceActivity::status)
                .toList();
    }

    /**
     * Polls the source now (if this replica can take its lease, and it is not backing off) and answers with its
     * status once the poll ended: 404 for a source that is not polled.
     */
    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Path("/{name}/poll")
    @Operation(summary = "Poll a source now, if this replica can take its lease and it is not backing off")
    @APIResponse(responseCode = "200", description = "The poll ended; the source's status after it")
    @APIResponse(responseCode = "404", description = "No polled source of that name (problem details)")
    public Uni<SourceStatus> poll(@PathParam("name") String name) {
        Source source = sources.named(name)
                .filter(s -> s.config().poll().isPresent())
                .orElseThrow(() -> new ProblemException(
                        Response.Status.NOT_FOUND, "not-found", "No polled source named '" + name + "'."));
        return scheduler.pollNow(name).map(x -> source.activity().status());
    }
}
