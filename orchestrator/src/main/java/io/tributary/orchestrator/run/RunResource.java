package io.tributary.orchestrator.run;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.tributary.http.problem.Problem;
import io.tributary.http.security.Roles;
import io.tributary.orchestrator.engine.RunEngine;
import io.tributary.orchestrator.flow.FlowCatalog;
import io.tributary.orchestrator.problem.NotFoundProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Runs", description = "Flow runs: list, inspect, cancel, re-run, follow live")
@RolesAllowed(Roles.VIEWER)
public class RunResource {
    static final String RUN_ID_EXAMPLE = "0b9f6a4e-2c1d-4e8f-9a7b-3c5d6e7f8a90";

    private final RunRepository runs;
    private final RunEngine engine;
    private final FlowCatalog catalog;

    public RunResource(RunRepository runs, RunEngine engine, FlowCatalog catalog) {
        this.runs = runs;
        this.engine = engine;
        this.catalog = catalog;
    }

    @GET
    @Operation(
            summary = "Flow runs, newest first, filtered and paged",
            description = "Filters combine with \"and\". Pages are cut by a cursor on (creation time, id), not by an"
                    + " offset: runs created while a client pages (all newer than the first page) neither repeat"
                    + " nor push a run past a page boundary. Follow `next` (or the `Link` header) until it is null.")
    @APIResponse(
            responseCode = "200",
            description = "A page of runs",
            headers =
                    @Header(
                            name = "Link",
                            description = "`<URL of the next page>; rel=\"next\"`, absent on the last page",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunPage.class)))
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid: an unknown state, a malformed id, instant or cursor, a limit out of"
                    + " range (problem details naming the parameter and what it accepts)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples =
                                    @ExampleObject(
                                            name = "unknown state",
                                            value = "{\"type\": \"https://tributary.io/problems/invalid-parameter\","
                                                    + " \"title\": \"Bad Request\", \"status\": 400, \"detail\":"
                                                    + " \"Parameter 'state' must be one of SCHEDULED, PENDING,"
                                                    + " RUNNING, COMPLETED, FAILED, CANCELLING, CANCELLED, CRASHED,"
                                                    + " PAUSED; got 'BOGUS'.\", \"instance\": \"/runs\", \"errors\":"
                                                    + " [{\"field\": \"state\", \"message\": \"must be one of"
                                                    + " SCHEDULED, …; got 'BOGUS'\"}]}")))
    public Uni<RestResponse<RunPage>> list(@Valid @BeanParam RunQuery query, @Context UriInfo uri) {
        RunFilter filter = query.filter();
        RunCursor after = query.after();
        int limit = query.limit;
        return runs.page(filter, after, limit + 1).map(rows -> {
            List<FlowRun> page = rows.size() > limit ? rows.subList(0, limit) : rows;
            String next = rows.size() > limit
                    ? RunCursor.after(page.get(page.size() - 1)).encode()
                    : null;
            RestResponse.ResponseBuilder<RunPage> response = RestResponse.ResponseBuilder.ok(
                    new RunPage(page.stream().map(RunView::summary).toList(), next));
            if (next != null) {
                response.header(
                        "Link",
                        "<"
                                + uri.getRequestUriBuilder()
                                        .replaceQueryParam(RunCursor.PARAMETER, next)
                                        .build() + ">; rel=\"next\"");
            }
            return response.build();
        });
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(
            summary = "One flow run with its trigger, task runs, state history and result",
            description = "Each task run shows the parameters its executor receives, its inputs from upstream (the"
                    + " results of the tasks it depends on) and its result; `trigger` is the event that started the"
                    + " run.")
    @APIResponse(
            responseCode = "200",
            description = "The run",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<RunView> get(@RestPath @Parameter(description = "The run's id", example = RUN_ID_EXAMPLE) UUID id) {
        return runs.findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundProblem("No flow run with id " + id + "."))
                .flatMap(run -> runs.taskRuns(id)
                        .flatMap(tasks -> runs.history(id)
                                .flatMap(history -> catalog.versionOf(run)
                                        .map(flow -> RunView.detail(run, flow, tasks, history)))));
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Path("/{id}/cancel")
    @Operation(
            summary = "Cancel a run",
            description = "Task runs the executors may hold become Cancelling and the executors are told to stop"
                    + " them; the run is Cancelled once they confirm, or after the grace period in any case. A run"
                    + " that already ended is a conflict (409).")
    @APIResponse(
            responseCode = "202",
            description = "Cancelling or cancelled; the body is the run",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<RestResponse<RunView>> cancel(
            @RestPath @Parameter(description = "The run's id", example = RUN_ID_EXAMPLE) UUID id) {
        return engine.cancel(id).flatMap(this::get).map(RestResponse::accepted);
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Path("/{id}/retry")
    @Operation(
            summary = "Re-run a Failed, Crashed or Cancelled run",
            description = "Its task runs that did not complete run again (their next attempt); completed ones keep"
                    + " their results. A run that has not ended, or completed, is a conflict (409).")
    @APIResponse(
            responseCode = "202",
            description = "Scheduled again; the body is the run",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<RestResponse<RunView>> retry(
            @RestPath @Parameter(description = "The run's id", example = RUN_ID_EXAMPLE) UUID id) {
        return engine.rerun(id).flatMap(this::get).map(RestResponse::accepted);
    }
}
