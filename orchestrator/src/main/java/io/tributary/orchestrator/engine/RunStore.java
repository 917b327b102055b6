package io.tributary.orchestrator.engine;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tributary.orchestrator.run.FlowRun;
import io.tributary.orchestrator.run.TaskRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The engine's queries: one statement per batch of inputs, never one per run. Needs the caller's transaction. */
@ApplicationScoped
public class RunStore {
    private static final String CLAIM_DUE =
            "select * from flow_run where wake_at <= :now order by wake_at" + " limit :limit for update skip locked";

    /** Keys {@code flowId|eventId} of the runs that exist among these flows and events. */
    Uni<Set<String>> existing(List<UUID> flowIds, List<String> eventIds) {
        return Panache.getSession()
                .flatMap(session -> session.createSelectionQuery(
                                "select r.flowId, r.eventId from FlowRun r"
                                        + " where r.flowId in :flows and r.eventId in :events",
                                Object[].class)
                        .setParameter("flows", new HashSet<>(flowIds))
                        .setParameter("events", new HashSet<>(eventIds))
                        .getResultList())
                .map(rows -> rows.stream().map(row -> row[0] + "|" + row[1]).collect(Collectors.toSet()));
    }

    /** The runs, locked until the transaction ends; always in id order, so two transactions never deadlock. */
    Uni<List<FlowRun>> lock(Collection<UUID> ids) {
        return Panache.getSession()
                .flatMap(session -> session.createSelectionQuery(
                                "from FlowRun where id in :ids order by id", FlowRun.class)
                        .setParameter("ids", ids)
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                        .getResultList());
    }

    /** Up to {@code limit} runs with a timer due, skipping those another transaction holds. */
    Uni<List<FlowRun>> claimDue(Instant now, int limit) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(CLAIM_DUE, FlowRun.class)
                        .setParameter("now", now)
                        .setParameter("limit", limit)
                        .getResultList());
    }

    Uni<Map<UUID, List<TaskRun>>> tasksOf(List<FlowRun> runs) {
        if (runs.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession()
                .flatMap(session -> session.createSelectionQuery("from TaskRun where flowRunId in :ids", TaskRun.class)
                        .setParameter("ids", runs.stream().map(r -> r.id).toList())
                        .getResultList())
                .map(tasks -> tasks.stream().collect(Collectors.groupingBy(t -> t.flowRunId)));
    }

    /** Inserts the new rows kind after kind, in batches; changed runs are flushed with them at commit. */
    Uni<Writes> persist(Writes writes) {
        Object[] rows = writes.inOrder();
        if (rows.length == 0) {
            return Uni.createFrom().item(writes);
        }
        return Panache.getSession().flatMap(session -> session.persistAll(rows)).replaceWith(writes);
    }
}
