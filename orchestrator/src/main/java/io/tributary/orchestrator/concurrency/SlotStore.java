package io.tributary.orchestrator.concurrency;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tributary.orchestrator.flow.ConcurrencyLimit;
import io.tributary.orchestrator.flow.FlowDefinition;
import io.tributary.orchestrator.flow.SlotKeys;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Concurrency slots, held in PostgreSQL so that every replica shares them. Admission and release of a key are
 * serialized by a transaction-scoped advisory lock on the key, so a slot freed while a run is being turned away
 * always wakes a waiter. Needs the caller's transaction.
 */
@ApplicationScoped
public class SlotStore {
    private static final String LOCK = "select pg_advisory_xact_lock(hashtext(:key))";
    private static final String HOLDERS = "select count(*) from concurrency_slot where limit_key = :key";
    private static final String OLDER_WAITERS = "select count(*) from flow_run where state_name ="
            + " 'AwaitingConcurrencySlot' and flow_id in (:flows) and created_at < :created and id <> :run";
    private static final String TAKE = "insert into concurrency_slot (limit_key, flow_run_id, acquired_at)"
            + " values (:key, :run, :now) on conflict do nothing";
    private static final String RELEASE = "delete from concurrency_slot where flow_run_id in (:runs)";
    private static final String WAKE_WAITERS = """
            update flow_run set admit_at = :now, wake_at = :now where id in (
                select id from flow_run
                where state_name = 'AwaitingConcurrencySlot' and admit_at is null and flow_id in (:flows)
                  and id not in (:busy)
                order by created_at limit :count for update skip locked)
            """;

    /**
     * Takes a slot of every key for the run, or none: only when each key has a free slot and no run that arrived
     * earlier is waiting for it (arrival order).
     */
    public Uni<Boolean> admit(
            UUID runId,
            Instant created,
            SortedMap<String, ConcurrencyLimit> keys,
            Collection<FlowDefinition> flows,
            Instant now) {
        return lockAll(keys.keySet())
                .flatMap(ignored -> Multi.createFrom()
                        .iterable(keys.entrySet())
                        .onItem()
                        .transformToUniAndConcatenate(key -> free(key.getKey(), key.getValue(), runId, created, flows))
                        .collect()
                        .asList())
                .flatMap(free -> {
                    if (free.contains(false)) {
                        return Uni.createFrom().item(false);
                    }
                    return Multi.createFrom()
                            .iterable(keys.keySet())
                            .onItem()
                            .transformToUniAndConcatenate(
                                    key -> update(TAKE, Map.of("key", key, "run", runId, "now", now)))
                            .collect()
                            .asList()
                            .replaceWith(true);
                });
    }

    /**
     * Frees the slots the runs held and wakes, per key, as many of the oldest waiting runs as slots were freed
     * (the wake sweep then admits them).
     *
     * @param busy runs loaded by the caller's transaction: their rows are written by it, not here
     */
    public Uni<Void> release(
            Map<UUID, SortedMap<String, ConcurrencyLimit>> runs,
            Collection<FlowDefinition> flows,
            Collection<UUID> busy,
            Instant now) {
        if (runs.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, Long> freed = new TreeMap<>();
        runs.values().forEach(keys -> keys.keySet().forEach(k -> freed.merge(k, 1L, Long::sum)));
        return lockAll(freed.keySet())
                .flatMap(ignored -> update(RELEASE, Map.of("runs", runs.keySet())))
                .flatMap(ignored -> Multi.createFrom()
                        .iterable(freed.entrySet())
                        .onItem()
                        .transformToUniAndConcatenate(key -> update(
                                WAKE_WAITERS,
                                Map.of(
                                        "now",
                                        now,
                                        "flows",
                                        SlotKeys.flowsOf(key.getKey(), flows),
                                        "busy",
                                        busy,
                                        "count",
                                        key.getValue().intValue())))
                        .collect()
                        .asList()
                        .replaceWithVoid());
    }

    private Uni<Boolean> free(
            String key, ConcurrencyLimit limit, UUID runId, Instant created, Collection<FlowDefinition> flows) {
        return count(HOLDERS, Map.of("key", key))
                .flatMap(holders -> holders >= limit.limit()
                        ? Uni.createFrom().item(false)
                        : count(
                                        OLDER_WAITERS,
                                        Map.of("flows", SlotKeys.flowsOf(key, flows), "created", created, "run", runId))
                                .map(older -> older == 0));
    }

    private Uni<Void> lockAll(Collection<String> keys) {
        return Multi.createFrom()
                .iterable(keys)
                .onItem()
                .transformToUniAndConcatenate(key -> Panache.getSession()
                        .flatMap(s -> s.createNativeQuery(LOCK)
                                .setParameter("key", key)
                                .getSingleResult()))
                .collect()
                .asList()
                .replaceWithVoid();
    }

    private static Uni<Long> count(String sql, Map<String, Object> parameters) {
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery(sql, Long.class);
            parameters.forEach(query::setParameter);
            return query.getSingleResult();
        });
    }

    private static Uni<Integer> update(String sql, Map<String, Object> parameters) {
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery(sql);
            parameters.forEach(query::setParameter);
            return query.executeUpdate();
        });
    }
}
