package io.tributary.orchestrator.trigger.manual;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.http.problem.Problem.FieldError;
import io.tributary.http.security.Roles;
import io.tributary.orchestrator.engine.RunEngine;
import io.tributary.orchestrator.flow.FlowCatalog;
import io.tributary.orchestrator.flow.FlowDefinition;
import io.tributary.orchestrator.problem.ConflictProblem;
import io.tributary.orchestrator.problem.InvalidRequestProblem;
import io.tributary.orchestrator.problem.NotFoundProblem;
import io.tributary.orchestrator.run.RunView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/flows/{name}/runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Flows")
@RolesAllowed(Roles.OPERATOR)
public class ManualRunResource {
    private final FlowCatalog catalog;
    private final RunEngine engine;

    public ManualRunResource(FlowCatalog catalog, RunEngine engine) {
        this.catalog = catalog;
        this.engine = engine;
    }

    @POST
    @Operation(
            summary = "Start a run by hand",
            description = "With parameters (the others take their defaults). With an `Idempotency-Key`, a repeated"
                    + " request gives the run the first one started (kept as long as the run: the retention, 7 days"
                    + " by default) instead of a second run.")
    @APIResponse(responseCode = "201", description = "Started; Location names the run")
    @APIResponse(responseCode = "200", description = "This Idempotency-Key started the run before; here it is")
    @APIResponse(responseCode = "400", description = "Unknown, mistyped or missing parameters (problem details)")
    @APIResponse(responseCode = "404", description = "No such flow (problem details)")
    @APIResponse(responseCode = "409", description = "The Idempotency-Key started a run with other parameters")
    public Uni<RestResponse<RunView>> start(
            @RestPath String name,
            @Parameter(description = "Any text up to 150 characters; the same key gives the same run")
                    @RestHeader("Idempotency-Key")
                    String key,
            ManualRunRequest request) {
        if (key != null && (key.isBlank() || key.length() > ManualRuns.MAX_KEY_LENGTH)) {
            return Uni.createFrom()
                    .failure(new InvalidRequestProblem(
                            "The Idempotency-Key is not valid.",
                            List.of(new FieldError(
                                    "Idempotency-Key", "must be 1 to " + ManualRuns.MAX_KEY_LENGTH + " characters"))));
        }
        return catalog.snapshot().flatMap(flows -> {
            FlowDefinition flow = flows.named(name);
            if (flow == null) {
                return Uni.createFrom().failure(new NotFoundProblem("No flow named '" + name + "'."));
            }
            Map<String, JsonNode> given = request == null ? Map.of() : request.parametersOrEmpty();
            String parameters = ManualRuns.parameters(flow, given);
            NormalizedEvent requested = ManualRuns.request(flow, key, given);
            return engine.startOnce(flow, requested, ManualRuns.KIND, parameters)
                    .map(started -> {
                        if (started.created()) {
                            return RestResponse.ResponseBuilder.<RunView>created(
                                            URI.create("/runs/" + started.run().id))
                                    .entity(RunView.summary(started.run()))
                                    .build();
                        }
                        if (!ManualRuns.sameRequest(started.run(), requested)) {
                            throw new ConflictProblem("The Idempotency-Key '" + key + "' started run "
                                    + started.run().id + " with other parameters.");
                        }
                        return RestResponse.ok(RunView.summary(started.run()));
                    });
        });
    }
}
