package io.tributary.orchestrator.run;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.tributary.contract.run.StateType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class RunRepository implements PanacheRepositoryBase<FlowRun, UUID> {

    /** Newest first, optionally narrowed to one flow and one state type. */
    public Uni<List<FlowRun>> newest(UUID flowId, StateType state, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (flowId != null) {
            query.append(" and flowId = :flow");
            params.and("flow", flowId);
        }
        if (state != null) {
            query.append(" and state.type = :state");
            params.and("state", state);
        }
        query.append(" order by createdAt desc, id");
        return find(query.toString(), params).page(0, limit).list();
    }

    public Uni<List<TaskRun>> taskRuns(UUID flowRunId) {
        return TaskRun.list("flowRunId = ?1 order by createdAt, taskName", flowRunId);
    }

    public Uni<List<RunState>> history(UUID flowRunId) {
        return RunState.list("flowRunId = ?1 order by state.at, id", flowRunId);
    }
}
