package io.tributary.orchestrator.flow;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tributary.contract.json.Json;
import io.tributary.orchestrator.problem.ConflictProblem;
import io.tributary.orchestrator.problem.InvalidRequestProblem;
import io.tributary.orchestrator.problem.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FlowService {
    private final FlowRepository flows;
    private final FlowCatalog catalog;

    public FlowService(FlowRepository flows, FlowCatalog catalog) {
        this.flows = flows;
        this.catalog = catalog;
    }

    /**
     * Registers a flow; a DAG that can never run (unknown dependency, cycle, duplicate name) is refused. The catalog
     * learns of the flow after the commit: reloaded before, it would miss the flow for a whole refresh interval.
     */
    public Uni<FlowDefinition> register(FlowSpec spec) {
        List<FieldError> errors = FlowValidator.errors(spec);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidRequestProblem("The flow's task graph is not valid.", errors));
        }
        return Panache.withTransaction(() -> store(spec)).invoke(catalog::invalidate);
    }

    private Uni<FlowDefinition> store(FlowSpec spec) {
        return flows.findByName(spec.name()).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(new ConflictProblem("A flow named '" + spec.name() + "' exists."));
            }
            Flow flow = new Flow();
            flow.id = UUID.randomUUID();
            flow.name = spec.name();
            flow.triggerType = spec.trigger().type();
            flow.spec = Json.write(spec);
            flow.createdAt = Instant.now();
            flow.updatedAt = flow.createdAt;
            return flows.persist(flow).map(FlowCatalog::definition);
        });
    }
}
