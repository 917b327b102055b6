package io.tributary.orchestrator.tasktype;

import io.tributary.contract.task.TaskType;
import io.tributary.http.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Collection;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
            description = "As the executors published them on tributary.task-types; flows are checked against it.")
    public Collection<TaskType> list() {
        return catalog.all();
    }
}
