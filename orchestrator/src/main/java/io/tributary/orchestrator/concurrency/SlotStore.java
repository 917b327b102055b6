package io.tributary.orchestrator.concurrency;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tributary.orchestrator.flow.ConcurrencyLimit;
import io.tributary.orchestrator.flow.FlowDefinition;
import io.tributary.orchestrator.flow.SlotKeys;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * Concurrency slots, held in PostgreSQL so that every replica shares them. Admission and the wake-up of waiters
 * after a release take a transaction-scoped advisory lock per key, so a slot freed while a run is being turned away
 * always wakes a waiter. Callers lock every key they will touch up front ({@link #lockAll}, sorted), so two
 * transactions never wait for each other's keys in opposite orders. Needs the caller's transaction.
 */
@ApplicationScoped
public class SlotStore {
    /** What admission found. */
    public enum Admission {
        GRANTED,
        /** Every slot of a key is taken. */
        FULL,
        /** Slots are free, but a run that arrived earlier waits for one: it goes first (it was woken). */
        BEHIND
    }

    private static final String LOCK = "select pg_advisory_xact_lock(hashtext($1))";
    private static final String HOLDERS = "select count(*) from concurrency_slot where limit_key = $1";
    private static final String OLDER_WAITERS = "select count(*) from flow_run where state_name ="
            + " 'AwaitingConcurrencySlot' and flow_id = any($1) and created_at < $2 and id <> $3";
    /** Rows another transaction holds are skipped: it is deciding on them already. */
    private static final String WAKE_OLDER = """
            update flow_run set admit_at = $1, wake_at = $1 where id in (
                select id from flow_run
                where state_name = 'AwaitingConcurrencySlot' and admit_at is null and flow_id = any($2)
                  and created_at < $3
                for update skip locked)
            """;

    private static final String TAKE = "insert into concurrency_slot (limit_key, flow_run_id, acquired_at)"
            + " values ($1, $2, $3) on conflict do nothing";
    private static final String RELEASE =
            "delete from concurrency_slot where flow_run_id = any($1) returning limit_key";
    private static final String FORGET_ENDED = "delete from concurrency_slot s using flow_run r"
            + " where s.flow_run_id = r.id and s.limit_key = $1"
            + " and r.state_type in ('COMPLETED', 'FAILED', 'CANCELLED', 'CRASHED')";
    private static final String WAKE_WAITERS = """
            update flow_run set admit_at = $1, wake_at = $1 where id in (
                select id from flow_run
                where state_name = 'AwaitingConcurrencySlot' and admit_at is null and flow_id = any($2)
                  and id <> all($3)
                order by created_at limit $4 for update skip locked)
            """;

    /** Takes the advisory locks of the keys, in sorted order; re-taking a key later in the transaction is free. */
    public Uni<Void> lockAll(SqlConnection connection, Collection<String> keys) {
        return forEach(new TreeSet<>(keys), key -> update(connection, LOCK, Tuple.of(key)));
    }

    /**
     * Takes a slot of every key for the run, or none: only when each key has a free slot and no run that arrived
     * earlier waits for it (arrival order). Older waiters found parked while slots are free are woken.
     */
    public Uni<Admission> admit(
            SqlConnection connection,
            UUID runId,
            Instant created,
            SortedMap<String, ConcurrencyLimit> keys,
            Collection<FlowDefinition> flows,
            Instant now) {
        return lockAll(connection, keys.keySet())
                .flatMap(ignored -> Multi.createFrom()
                        .iterable(keys.entrySet())
                        .onItem()
                        .transformToUniAndConcatenate(
                                key -> check(connection, key.getKey(), key.getValue(), runId, created, flows))
                        .collect()
                        .asList())
                .flatMap(checks -> {
                    if (checks.contains(Admission.FULL)) {
                        return Uni.createFrom().item(Admission.FULL);
                    }
                    if (checks.contains(Admission.BEHIND)) {
                        return forEach(
                                        keys.keySet(),
                                        key -> update(
                                                connection,
                                                WAKE_OLDER,
                                                Tuple.of(time(now), ids(SlotKeys.flowsOf(key, flows)), time(created))))
                                .replaceWith(Admission.BEHIND);
                    }
                    return forEach(keys.keySet(), key -> update(connection, TAKE, Tuple.of(key, runId, time(now))))
                            .replaceWith(Admission.GRANTED);
                });
    }

    /**
     * Frees every slot the runs held, whatever the limits say now (a limit may have been changed or removed since
     * they were taken), and wakes, per key, as many of the oldest parked waiters as slots were freed; the wake sweep
     * then admits them.
     *
     * @param busy runs loaded by the caller's transaction: it writes their rows, so they are not touched here
     * @return the keys freed, with how many slots each
     */
    public Uni<Map<String, Integer>> release(
            SqlConnection connection,
            Collection<UUID> runs,
            Collection<FlowDefinition> flows,
            Collection<UUID> busy,
            Instant now) {
        if (runs.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return connection.preparedQuery(RELEASE).execute(Tuple.of(ids(runs))).flatMap(keys -> {
            Map<String, Integer> freed = new TreeMap<>();
            keys.forEach(row -> freed.merge(row.getString(0), 1, Integer::sum));
            return lockAll(connection, freed.keySet())
                    .flatMap(ignored -> forEach(
                            freed.keySet(), key -> wakeWaiters(connection, key, freed.get(key), flows, busy, now)))
                    .replaceWith(freed);
        });
    }

    /**
     * A limit was set, raised or removed: slots of ended runs that a removed limit left behind are forgotten, and the
     * parked waiters try again.
     */
    public Uni<Integer> limitChanged(
            SqlConnection connection, String key, Collection<FlowDefinition> flows, Instant now) {
        List<UUID> limited = SlotKeys.flowsOf(key, flows);
        Uni<Integer> forget =
                lockAll(connection, List.of(key)).flatMap(ignored -> update(connection, FORGET_ENDED, Tuple.of(key)));
        if (limited.isEmpty()) {
            return forget;
        }
        // Every parked waiter: all arrived before now.
        return forget.flatMap(ignored -> update(connection, WAKE_OLDER, Tuple.of(time(now), ids(limited), time(now))));
    }

    private Uni<Integer> wakeWaiters(
            SqlConnection connection,
            String key,
            int count,
            Collection<FlowDefinition> flows,
            Collection<UUID> busy,
            Instant now) {
        List<UUID> limited = SlotKeys.flowsOf(key, flows);
        if (limited.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return update(connection, WAKE_WAITERS, Tuple.of(time(now), ids(limited), ids(busy), count));
    }

    private Uni<Admission> check(
            SqlConnection connection,
            String key,
            ConcurrencyLimit limit,
            UUID runId,
            Instant created,
            Collection<FlowDefinition> flows) {
        return count(connection, HOLDERS, Tuple.of(key))
                .flatMap(holders -> holders >= limit.limit()
                        ? Uni.createFrom().item(Admission.FULL)
                        : count(
                                        connection,
                                        OLDER_WAITERS,
                                        Tuple.of(ids(SlotKeys.flowsOf(key, flows)), time(created), runId))
                                .map(older -> older == 0 ? Admission.GRANTED : Admission.BEHIND));
    }

    private static Uni<Void> forEach(Collection<String> keys, Function<String, Uni<Integer>> work) {
        return Multi.createFrom()
                .iterable(keys)
                .onItem()
                .transformToUniAndConcatenate(key -> work.apply(key))
                .collect()
                .asList()
                .replaceWithVoid();
    }

    private static Uni<Long> count(SqlConnection connection, String sql, Tuple parameters) {
        return connection
                .preparedQuery(sql)
                .execute(parameters)
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static Uni<Integer> update(SqlConnection connection, String sql, Tuple parameters) {
        return connection.preparedQuery(sql).execute(parameters).map(RowSet::rowCount);
    }

    private static UUID[] ids(Collection<UUID> ids) {
        return ids.toArray(UUID[]::new);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
