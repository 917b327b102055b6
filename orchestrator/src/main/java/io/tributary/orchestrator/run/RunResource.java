package io.tributary.orchestrator.run;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.tributary.contract.run.StateType;
import io.tributary.orchestrator.engine.RunEngine;
import io.tributary.orchestrator.problem.NotFoundProblem;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Runs")
public class RunResource {
    private final RunRepository runs;
    private final RunEngine engine;

    public RunResource(RunRepository runs, RunEngine engine) {
        this.runs = runs;
        this.engine = engine;
    }

    @GET
    @Operation(summary = "Flow runs, newest first, optionally of one flow and in one state type")
    public Uni<List<RunView>> list(
            @RestQuery UUID flow,
            @RestQuery StateType state,
            @RestQuery @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return runs.newest(flow, state, limit)
                .map(list -> list.stream().map(RunView::summary).toList());
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(summary = "One flow run with its task runs, state history and result")
    @APIResponse(responseCode = "404", description = "No such run (problem details)")
    public Uni<RunView> get(@RestPath UUID id) {
        return runs.findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundProblem("No flow run with id " + id + "."))
                .flatMap(run -> runs.taskRuns(id)
                        .flatMap(tasks -> runs.history(id).map(history -> RunView.detail(run, tasks, history))));
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(
            summary = "Cancel a run",
            description = "Task runs the executors may hold become Cancelling and the executors are told to stop"
                    + " them; the run is Cancelled once they confirm, or after the grace period in any case.")
    @APIResponse(responseCode = "202", description = "Cancelling or cancelled; the body is the run")
    @APIResponse(responseCode = "404", description = "No such run (problem details)")
    @APIResponse(responseCode = "409", description = "The run already ended (problem details)")
    public Uni<RestResponse<RunView>> cancel(@RestPath UUID id) {
        return engine.cancel(id).flatMap(this::get).map(RestResponse::accepted);
    }

    @POST
    @Path("/{id}/retry")
    @Operation(
            summary = "Re-run a Failed, Crashed or Cancelled run",
            description = "Its task runs that did not complete run again (their next attempt); completed ones keep"
                    + " their results.")
    @APIResponse(responseCode = "202", description = "Scheduled again; the body is the run")
    @APIResponse(responseCode = "404", description = "No such run (problem details)")
    @APIResponse(responseCode = "409", description = "The run has not ended, or completed (problem details)")
    public Uni<RestResponse<RunView>> retry(@RestPath UUID id) {
        return engine.rerun(id).flatMap(this::get).map(RestResponse::accepted);
    }
}
