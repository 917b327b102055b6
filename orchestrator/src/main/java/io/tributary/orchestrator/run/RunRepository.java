package io.tributary.orchestrator.run;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class RunRepository implements PanacheRepositoryBase<FlowRun, UUID> {
    /**
     * The triggering event's subject: its series key is {@code source|subject}, and a source (a URI reference) cannot
     * hold a '|'. Written exactly as the expression of the index {@code flow_run_by_subject} (V7), or PostgreSQL
     * would not use it.
     */
    static final String SUBJECT = "substr(series_key, strpos(series_key, '|') + 1)";

    /**
     * One page of runs, newest first (ties in id order: the order of the index {@code flow_run_newest}), after the
     * cursor's run. SQL rather than HQL so that the subject's expression is the index's; the cursor's condition
     * repeats {@code created_at <= :at} so that the index scan starts at the cursor instead of filtering from the top.
     *
     * @param limit rows to read: one more than a page shows tells whether there is a next page
     */
    public Uni<List<FlowRun>> page(RunFilter filter, RunCursor after, int limit) {
        StringBuilder sql = new StringBuilder("select * from flow_run where true");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (filter.flowId() != null) {
            sql.append(" and flow_id = :flow");
            parameters.put("flow", filter.flowId());
        }
        if (filter.state() != null) {
            sql.append(" and state_type = :state");
            parameters.put("state", filter.state().name());
        }
        if (filter.stateName() != null) {
            // The type too, so that the index on (state_type, created_at) serves a name's query as well.
            sql.append(" and state_type = :nameType and state_name = :name");
            parameters.put("nameType", filter.stateName().type().name());
            parameters.put("name", filter.stateName().label());
        }
        if (filter.subject() != null) {
            sql.append(" and ").append(SUBJECT).append(" = :subject");
            parameters.put("subject", filter.subject());
        }
        if (filter.triggerKind() != null) {
            sql.append(" and trigger_kind = :triggerKind");
            parameters.put("triggerKind", filter.triggerKind());
        }
        if (filter.tag() != null) {
            // A run has the tags of the version it started with; the version's row is found by its primary key.
            sql.append(" and exists (select 1 from flow_version v where v.flow_id = flow_run.flow_id")
                    .append(" and v.version = flow_run.flow_version")
                    .append(" and jsonb_exists(cast(v.spec as jsonb) -> 'tags', :tag))");
            parameters.put("tag", filter.tag());
        }
        if (filter.createdAfter() != null) {
            sql.append(" and created_at >= :createdAfter");
            parameters.put("createdAfter", filter.createdAfter());
        }
        if (filter.createdBefore() != null) {
            sql.append(" and created_at < :createdBefore");
            parameters.put("createdBefore", filter.createdBefore());
        }
        if (after != null) {
            sql.append(" and created_at <= :at and (created_at < :at or id > :id)");
            parameters.put("at", after.createdAt());
            parameters.put("id", after.id());
        }
        sql.append(" order by created_at desc, id limit :limit");
        parameters.put("limit", limit);
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery(sql.toString(), FlowRun.class);
            parameters.forEach(query::setParameter);
            return query.getResultList();
        });
    }

    public Uni<List<TaskRun>> taskRuns(UUID flowRunId) {
        return TaskRun.list("flowRunId = ?1 order by createdAt, taskName", flowRunId);
    }

    public Uni<List<RunState>> history(UUID flowRunId) {
        return RunState.list("flowRunId = ?1 order by state.at, id", flowRunId);
    }
}
