package io.tributary.orchestrator.flow.folder;

import io.tributary.http.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Collection;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/flow-files")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Flows")
@RolesAllowed(Roles.VIEWER)
public class FlowFileResource {
    private final FlowFolder folder;

    public FlowFileResource(FlowFolder folder) {
        this.folder = folder;
    }

    @GET
    @Operation(
            summary = "The files of the flows folder on this replica, and what became of each",
            description = "Applied (the flow and its version) or refused (why); empty when no folder is configured.")
    public Collection<FlowFile> list() {
        return folder.files();
    }
}
