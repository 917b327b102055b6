package io.tributary.orchestrator.flow;

import io.smallrye.mutiny.Uni;
import io.tributary.orchestrator.problem.NotFoundProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/flows")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Flows")
public class FlowResource {
    private final FlowService service;
    private final FlowRepository flows;

    public FlowResource(FlowService service, FlowRepository flows) {
        this.service = service;
        this.flows = flows;
    }

    @POST
    @Operation(summary = "Register a flow: an event trigger and the DAG of tasks each run executes")
    @APIResponse(responseCode = "201", description = "Registered; Location names the flow")
    @APIResponse(responseCode = "400", description = "Invalid request (problem details)")
    @APIResponse(responseCode = "409", description = "A flow with that name exists (problem details)")
    public Uni<RestResponse<FlowView>> register(@Valid @NotNull FlowSpec spec, @Context UriInfo uri) {
        return service.register(spec)
                .map(flow -> RestResponse.ResponseBuilder.<FlowView>created(uri.getAbsolutePathBuilder()
                                .path(flow.id().toString())
                                .build())
                        .entity(FlowView.of(flow))
                        .build());
    }

    @GET
    @Operation(summary = "All flows, by name")
    public Uni<List<FlowView>> list() {
        return flows.listByName()
                .map(list -> list.stream()
                        .map(FlowCatalog::definition)
                        .map(FlowView::of)
                        .toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One flow")
    @APIResponse(responseCode = "404", description = "No such flow (problem details)")
    public Uni<FlowView> get(@RestPath UUID id) {
        return flows.findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundProblem("No flow with id " + id + "."))
                .map(FlowCatalog::definition)
                .map(FlowView::of);
    }
}
