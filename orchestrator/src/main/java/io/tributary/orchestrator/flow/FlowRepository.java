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

    public Uni<List<Flow>> listByName() {
        return list("order by name");
    }

    public Uni<Flow> findByName(String name) {
        return find("name", name).firstResult();
    }
}
