package io.tributary.orchestrator.concurrency;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.tributary.http.security.Roles;
import io.tributary.orchestrator.flow.CatalogRevision;
import io.tributary.orchestrator.flow.ConcurrencyLimit;
import io.tributary.orchestrator.flow.FlowCatalog;
import io.tributary.orchestrator.flow.TagLimit;
import io.tributary.orchestrator.problem.NotFoundProblem;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Concurrency limits by tag: every flow with the tag counts its active runs against the tag's slots (held in
 * PostgreSQL, so replicas share them). A flow's own limit is part of the flow.
 */
@Path("/concurrency-limits")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Concurrency limits")
@RolesAllowed(Roles.VIEWER)
public class TagLimitResource {
    private final FlowCatalog catalog;
    private final SlotStore slots;
    private final Pool pool;

    public TagLimitResource(FlowCatalog catalog, SlotStore slots, Pool pool) {
        this.catalog = catalog;
        this.slots = slots;
        this.pool = pool;
    }

    @GET
    @WithSession
    @Operation(summary = "Every tag's limit, by tag")
    public Uni<Map<String, ConcurrencyLimit>> list() {
        return TagLimit.<TagLimit>listAll().map(limits -> {
            Map<String, ConcurrencyLimit> byTag = new TreeMap<>();
            limits.forEach(l -> byTag.put(l.tag, l.toLimit()));
            return byTag;
        });
    }

    @RolesAllowed(Roles.ADMIN)
    @PUT
    @Path("/{tag}")
    @Operation(summary = "Set a tag's limit; runs already admitted keep their slots")
    public Uni<ConcurrencyLimit> put(
            @RestPath @Size(min = 1, max = 100) String tag, @Valid @NotNull ConcurrencyLimit limit) {
        return Panache.withTransaction(() -> TagLimit.<TagLimit>findById(tag)
                        .map(existing -> existing != null ? existing : newLimit(tag))
                        .flatMap(row -> {
                            row.limit = limit.limit();
                            row.collision = limit.collisionOrDefault();
                            row.updatedAt = Instant.now();
                            return row.<TagLimit>persist();
                        })
                        .call(CatalogRevision::bump))
                .call(row -> waitersTryAgain(tag))
                .map(TagLimit::toLimit);
    }

    @RolesAllowed(Roles.ADMIN)
    @DELETE
    @Path("/{tag}")
    @Operation(summary = "Remove a tag's limit")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "The tag has no limit (problem details)")
    public Uni<RestResponse<Void>> delete(@RestPath String tag) {
        return Panache.withTransaction(() -> TagLimit.deleteById(tag).call(CatalogRevision::bump))
                .invoke(deleted -> {
                    if (!deleted) {
                        throw new NotFoundProblem("Tag '" + tag + "' has no concurrency limit.");
                    }
                })
                .call(deleted -> waitersTryAgain(tag))
                .replaceWith(RestResponse.noContent());
    }

    /**
     * After the change committed, runs parked on the tag's limit try again: a higher limit or none may admit them
     * now.
     */
    private Uni<Integer> waitersTryAgain(String tag) {
        catalog.invalidate();
        return catalog.snapshot()
                .flatMap(flows -> pool.withTransaction(
                        connection -> slots.limitChanged(connection, "tag:" + tag, flows.flows(), Instant.now())));
    }

    private static TagLimit newLimit(String tag) {
        TagLimit row = new TagLimit();
        row.tag = tag;
        return row;
    }
}
