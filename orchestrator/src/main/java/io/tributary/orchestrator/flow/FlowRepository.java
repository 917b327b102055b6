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

    /** The flows not deleted, by name. */
    public Uni<List<Flow>> listByName() {
        return list("deletedAt is null order by name");
    }

    /** The flows (not deleted) that files of the flows folder manage. */
    public Uni<List<Flow>> fromFiles() {
        return list("deletedAt is null and origin like ?1", FlowService.FILE + "%");
    }

    /** Deleted or not; null when the name was never used. */
    public Uni<Flow> findByName(String name) {
        return find("name", name).firstResult();
    }

    public Uni<List<FlowVersion>> versions(UUID flowId) {
        return FlowVersion.list("flowId = ?1 order by version desc", flowId);
    }

    public Uni<FlowVersion> version(UUID flowId, int version) {
        return FlowVersion.find("flowId = ?1 and version = ?2", flowId, version).firstResult();
    }
}
