package io.tributary.orchestrator.flow;

import io.smallrye.mutiny.Uni;
import io.tributary.http.problem.Problem.FieldError;
import io.tributary.http.security.Roles;
import io.tributary.orchestrator.problem.InvalidRequestProblem;
import io.tributary.orchestrator.problem.NotFoundProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/flows")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Flows")
@RolesAllowed(Roles.VIEWER)
public class FlowResource {
    private final FlowService service;
    private final FlowRepository flows;

    public FlowResource(FlowService service, FlowRepository flows) {
        this.service = service;
        this.flows = flows;
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Operation(
            summary = "Register a flow",
            description = "Its triggers, parameters and the DAG of tasks each run executes. Expressions (trigger"
                    + " filters, `{{ }}` parameters) are compiled now: an error names the field and the position.")
    @APIResponse(responseCode = "201", description = "Registered as version 1; Location names the flow")
    @APIResponse(responseCode = "400", description = "Invalid, or can never run as written (problem details)")
    @APIResponse(responseCode = "409", description = "A flow with that name exists (problem details)")
    public Uni<RestResponse<FlowView>> create(@Valid @NotNull FlowSpec spec, @Context UriInfo uri) {
        return service.create(spec)
                .map(saved -> created(
                        saved, uri.getAbsolutePathBuilder().path(spec.name()).build()));
    }

    @RolesAllowed(Roles.ADMIN)
    @PUT
    @Path("/{name}")
    @Operation(
            summary = "Create or change a flow",
            description = "A changed definition becomes the next version; runs keep the version they started"
                    + " with. The same definition again changes nothing.")
    @APIResponse(responseCode = "200", description = "Saved (a new version if the definition changed)")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid, or the name differs from the path's (problem details)")
    @APIResponse(responseCode = "409", description = "Managed by a file of the flows folder (problem details)")
    public Uni<RestResponse<FlowView>> save(
            @RestPath String name, @Valid @NotNull FlowSpec spec, @Context UriInfo uri) {
        if (!name.equals(spec.name())) {
            return Uni.createFrom()
                    .failure(new InvalidRequestProblem(
                            "The body names another flow than the path.",
                            List.of(new FieldError("name", "must be '" + name + "', as in the path"))));
        }
        return service.save(spec, Flow.API, true)
                .map(saved -> saved.created()
                        ? created(saved, uri.getAbsolutePath())
                        : RestResponse.ok(FlowView.of(saved.flow())));
    }

    private static RestResponse<FlowView> created(FlowService.Saved saved, URI location) {
        return RestResponse.ResponseBuilder.<FlowView>created(location)
                .entity(FlowView.of(saved.flow()))
                .build();
    }

    @GET
    @Operation(summary = "All flows (not deleted), by name")
    public Uni<List<FlowView>> list() {
        return flows.listByName().map(list -> list.stream().map(FlowView::of).toList());
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "One flow at its current version")
    @APIResponse(responseCode = "404", description = "No such flow (problem details)")
    public Uni<FlowView> get(@RestPath String name) {
        return current(name).map(FlowView::of);
    }

    @RolesAllowed(Roles.ADMIN)
    @DELETE
    @Path("/{name}")
    @Operation(
            summary = "Delete a flow",
            description = "No trigger fires it any more; its runs go on with their version, and its versions stay"
                    + " readable. Saving a flow of that name again makes the next version.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such flow (problem details)")
    @APIResponse(responseCode = "409", description = "Managed by a file of the flows folder (problem details)")
    public Uni<Void> delete(@RestPath String name) {
        return service.delete(name, Flow.API);
    }

    @GET
    @Path("/{name}/versions")
    @Operation(summary = "Every version of a flow, newest first")
    @APIResponse(responseCode = "404", description = "No such flow (problem details)")
    public Uni<List<FlowVersionView>> versions(@RestPath String name) {
        return named(name)
                .flatMap(flow -> flows.versions(flow.id))
                .map(list -> list.stream().map(FlowVersionView::of).toList());
    }

    @GET
    @Path("/{name}/versions/{version}")
    @Operation(summary = "One version of a flow")
    @APIResponse(responseCode = "404", description = "No such flow or version (problem details)")
    public Uni<FlowVersionView> version(@RestPath String name, @RestPath int version) {
        return named(name)
                .flatMap(flow -> flows.version(flow.id, version))
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundProblem("The flow '" + name + "' has no version " + version + "."))
                .map(FlowVersionView::of);
    }

    /** Deleted flows included: their versions stay readable. */
    private Uni<Flow> named(String name) {
        return flows.findByName(name)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundProblem("No flow named '" + name + "'."));
    }

    private Uni<Flow> current(String name) {
        return named(name).invoke(flow -> {
            if (flow.deletedAt != null) {
                throw new NotFoundProblem("The flow '" + name + "' was deleted at " + flow.deletedAt + ".");
            }
        });
    }
}
