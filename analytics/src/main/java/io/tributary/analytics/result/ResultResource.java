package io.tributary.analytics.result;

import io.tributary.http.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /results}: this instance's recent results, newest first. */
@Path("/results")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class ResultResource {
    static final int MAX_LIMIT = 1000;

    private final ResultStore store;

    public ResultResource(ResultStore store) {
        this.store = store;
    }

    /**
     * @param flow the flow's name (or a flow run id); any when absent
     * @param subject the series key ({@code source|subject}); any when absent
     */
    @GET
    public List<StoredResult> results(
            @QueryParam("flow") String flow,
            @QueryParam("subject") String subject,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("Parameter 'limit' must be from 1 to " + MAX_LIMIT + "; got " + limit + ".");
        }
        return store.query(blankToNull(flow), blankToNull(subject), limit);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
