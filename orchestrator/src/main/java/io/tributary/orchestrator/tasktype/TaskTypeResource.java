package io.tributary.orchestrator.tasktype;

import io.tributary.contract.task.TaskType;
import io.tributary.http.security.Roles;
import io.tributary.orchestrator.problem.UnavailableProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Collection;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/task-types")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Flows")
@RolesAllowed(Roles.VIEWER)
public class TaskTypeResource {
    private final TaskTypeCatalog catalog;

    public TaskTypeResource(TaskTypeCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Operation(
            summary = "The task types the executors run, with their parameter schemas",
            description = "As the executors published them on tributary.task-types; flows are checked against it."
                    + " 503 while the orchestrator is still reading that topic (after a start).")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Collection<TaskType> list() {
        if (!catalog.caughtUp()) {
            throw new UnavailableProblem(
                    "The task types (tributary.task-types) are still being read; try again shortly.", 1);
        }
        return catalog.all();
    }
}
