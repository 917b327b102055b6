package io.tributary.orchestrator.flow;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tributary.contract.json.Json;
import io.tributary.http.problem.Problem.FieldError;
import io.tributary.orchestrator.problem.ConflictProblem;
import io.tributary.orchestrator.problem.InvalidRequestProblem;
import io.tributary.orchestrator.problem.NotFoundProblem;
import io.tributary.orchestrator.trigger.TriggerStates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Saves flows as versions: a change to the definition adds a version (runs keep the one they started with), saving
 * the same definition again changes nothing. A flow belongs to where it is managed (the API or a file of the flows
 * folder); the other cannot change it. The catalog learns of a change after the commit: reloaded before, it would
 * miss the change for a whole refresh interval.
 */
@ApplicationScoped
public class FlowService {
    private final FlowRepository flows;
    private final FlowCatalog catalog;
    private final FlowCompiler compiler;
    private final Event<FlowDeleted> deleted;

    public FlowService(FlowRepository flows, FlowCatalog catalog, FlowCompiler compiler, Event<FlowDeleted> deleted) {
        this.flows = flows;
        this.catalog = catalog;
        this.compiler = compiler;
        this.deleted = deleted;
    }

    /** What saving did. */
    public record Saved(Flow flow, boolean created, boolean changed) {}

    /** {@code POST /flows}: a new flow; one of that name that exists is a conflict. */
    public Uni<Saved> create(FlowSpec spec) {
        return save(spec, Flow.API, false);
    }

    /**
     * Creates or changes the flow.
     *
     * @param origin {@link Flow#API} or {@code file:<name>}
     * @param replace whether an existing flow of that name gets a new version (else it is a conflict)
     */
    public Uni<Saved> save(FlowSpec spec, String origin, boolean replace) {
        List<FieldError> errors = compiler.errors(spec);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidRequestProblem("The flow can never run as written.", errors));
        }
        return Panache.withTransaction(
                        () -> flows.findByName(spec.name()).flatMap(existing -> store(existing, spec, origin, replace)))
                // Two saves of one flow at once: one takes the name (or the next version), the other is told so.
                .onFailure(ConstraintViolationException.class)
                .transform(e -> new ConflictProblem(
                        "The flow '" + spec.name() + "' was saved by another request at the same time; try again."))
                .invoke(saved -> {
                    if (saved.changed()) {
                        catalog.invalidate();
                    }
                });
    }

    private Uni<Saved> store(Flow existing, FlowSpec spec, String origin, boolean replace) {
        Instant now = Instant.now();
        if (existing == null) {
            Flow flow = new Flow();
            flow.id = UUID.randomUUID();
            flow.name = spec.name();
            flow.version = 1;
            flow.origin = origin;
            flow.spec = Json.write(spec);
            flow.createdAt = now;
            flow.updatedAt = now;
            return flows.persist(flow)
                    .flatMap(saved -> FlowVersion.of(flow).persist())
                    .flatMap(saved -> TriggerStates.sync(flow.id, spec.triggersOrEmpty(), now))
                    .flatMap(synced -> CatalogRevision.bump())
                    .replaceWith(new Saved(flow, true, true));
        }
        boolean deleted = existing.deletedAt != null;
        if (!deleted && !replace) {
            return Uni.createFrom().failure(new ConflictProblem("A flow named '" + spec.name() + "' exists."));
        }
        if (!deleted && !existing.origin.equals(origin) && !origin.startsWith(FILE)) {
            return Uni.createFrom().failure(managedElsewhere(existing));
        }
        if (!deleted && existing.origin.equals(origin) && sameDefinition(existing.spec, spec)) {
            return Uni.createFrom().item(new Saved(existing, false, false));
        }
        existing.version++;
        existing.spec = Json.write(spec);
        existing.origin = origin;
        existing.updatedAt = now;
        existing.deletedAt = null;
        return FlowVersion.of(existing)
                .persist()
                .flatMap(saved -> TriggerStates.sync(existing.id, spec.triggersOrEmpty(), now))
                .flatMap(synced -> CatalogRevision.bump())
                .replaceWith(new Saved(existing, deleted, true));
    }

    /**
     * Deletes the flow: no trigger fires it any more; its runs and versions stay. After the commit, {@link FlowDeleted}
     * tells who keeps something per flow (the run metrics drop its series).
     *
     * @param origin where the request comes from: a flow managed elsewhere is not deleted
     */
    public Uni<Void> delete(String name, String origin) {
        return Panache.withTransaction(() -> flows.findByName(name).flatMap(flow -> {
                    if (flow == null || flow.deletedAt != null) {
                        return Uni.createFrom().failure(new NotFoundProblem("No flow named '" + name + "'."));
                    }
                    if (!flow.origin.equals(origin)) {
                        return Uni.createFrom().failure(managedElsewhere(flow));
                    }
                    flow.deletedAt = Instant.now();
                    flow.updatedAt = flow.deletedAt;
                    return TriggerStates.sync(flow.id, List.of(), flow.deletedAt)
                            .flatMap(synced -> CatalogRevision.bump());
                }))
                .invoke(() -> {
                    catalog.invalidate();
                    deleted.fire(new FlowDeleted(name));
                });
    }

    /** The origin prefix of flows from the flows folder, which take over a flow of their name wherever it was. */
    public static final String FILE = "file:";

    private static ConflictProblem managedElsewhere(Flow flow) {
        return new ConflictProblem("The flow '" + flow.name + "' is managed by " + flow.origin + "; change it there.");
    }

    /** Equal as JSON: key order and formatting of the author's document do not make a new version. */
    private static boolean sameDefinition(String stored, FlowSpec spec) {
        return Json.read(stored, JsonNode.class).equals(Json.MAPPER.valueToTree(spec));
    }
}
