package io.tributary.orchestrator.flow;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class FlowRepository implements PanacheRepositoryBase<Flow, UUID> {

    /** Flows whose trigger may match an event of this type; source and subject are matched in memory (globs). */
    public Uni<List<Flow>> triggeredByType(String type) {
        return list("triggerType is null or triggerType = ?1", type);
    }

    public Uni<List<Flow>> listByName() {
        return list("order by name");
    }

    public Uni<Flow> findByName(String name) {
        return find("name", name).firstResult();
    }
}
