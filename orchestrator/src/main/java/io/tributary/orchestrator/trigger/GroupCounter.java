package io.tributary.orchestrator.trigger;

import io.smallrye.mutiny.Uni;
import io.tributary.orchestrator.engine.RunEngine;
import io.tributary.orchestrator.engine.RunRequest;
import io.tributary.orchestrator.flow.FlowCatalog;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How a stateful trigger kind (thresholds, patterns) counts a batch of events: in one transaction with the runs its
 * groups' states start, it locks the batch's partitions and skips the events counted before ({@link CountedOffsets}),
 * locks the state rows of the groups the events fall in — a group seen first gets its row at once, so concurrent
 * batches queue on it instead of both creating it; all in key order, so they never deadlock — lets the kind apply
 * the events, and saves the states. State rows are keyed {@code (flow_id, trigger_key, group_key)} and keep the
 * group's value (its key is a hash of it).
 *
 * @param <H> an event of the batch that one of the kind's triggers counts, for one group
 * @param <S> a group's state, as the kind reads it from its row
 */
public final class GroupCounter<H extends GroupCounter.Hit, S> {
    /** Characters of a group's value kept for reading (its key is a hash of the whole value). */
    private static final int MAX_GROUP = 1000;

    private static final Comparator<Key> ORDER =
            Comparator.comparing(Key::flowId).thenComparing(Key::triggerKey).thenComparing(Key::groupKey);

    /** A group of a flow's trigger: the trigger's and the group's keys ({@link TriggerKeys}). */
    public record Key(UUID flowId, String triggerKey, String groupKey) {}

    /** An event one of the kind's triggers counts, and the group it counts for. */
    public interface Hit {
        Key key();

        String group();

        IncomingEvent incoming();
    }

    /** A kind's state table: its new rows' values, and how a state is read from a row and written back. */
    public record States<S>(
            String table,
            String newColumns,
            String newValues,
            List<String> stateColumns,
            Function<Row, S> read,
            Function<S, List<Object>> values) {}

    private final RunEngine engine;
    private final FlowCatalog catalog;
    private final CountedOffsets offsets;
    private final BiFunction<FlowCatalog.Snapshot, List<IncomingEvent>, List<H>> hits;
    private final Rule<H, S> rule;
    private final States<S> states;
    private final String add;
    private final String lock;
    private final String save;

    /** What the kind does with its hits: moves its groups' states and says which runs they start. */
    public interface Rule<H, S> {
        List<RunRequest> apply(List<H> hits, Map<Key, S> states, Instant now);
    }

    /**
     * @param positions the kind's table of counted offsets ({@link CountedOffsets})
     * @param hits the batch's events the kind's triggers count, with their groups
     */
    public GroupCounter(
            RunEngine engine,
            FlowCatalog catalog,
            String positions,
            States<S> states,
            BiFunction<FlowCatalog.Snapshot, List<IncomingEvent>, List<H>> hits,
            Rule<H, S> rule) {
        this.engine = engine;
        this.catalog = catalog;
        this.offsets = new CountedOffsets(positions);
        this.states = states;
        this.hits = hits;
        this.rule = rule;
        this.add = "insert into " + states.table() + " (flow_id, trigger_key, group_key, group_value, "
                + states.newColumns() + ") values ($1, $2, $3, $4, " + states.newValues() + ") on conflict do nothing";
        this.lock = "select flow_id, trigger_key, group_key, " + String.join(", ", states.stateColumns()) + " from "
                + states.table() + " where (flow_id, trigger_key, group_key) in"
                + " (select * from unnest($1::uuid[], $2::text[], $3::text[]))"
                + " order by flow_id, trigger_key, group_key for update";
        List<String> assignments = new ArrayList<>();
        for (int i = 0; i < states.stateColumns().size(); i++) {
            assignments.add(states.stateColumns().get(i) + " = $" + (i + 4));
        }
        this.save = "update " + states.table() + " set " + String.join(", ", assignments)
                + " where flow_id = $1 and trigger_key = $2 and group_key = $3";
    }

    /** @return how many runs the batch started; no transaction when no event of it counts */
    public Uni<Integer> observe(List<IncomingEvent> events) {
        return catalog.snapshot().flatMap(flows -> {
            List<H> counted = hits.apply(flows, events);
            return counted.isEmpty()
                    ? Uni.createFrom().item(0)
                    : engine.startClaimed((connection, snapshot) -> count(connection, counted, events));
        });
    }

    /** @param events the whole batch: the offsets counted move past its events that counted nothing, too */
    private Uni<List<RunRequest>> count(SqlConnection connection, List<H> counted, List<IncomingEvent> events) {
        return offsets.lock(connection, events).flatMap(uncounted -> {
            List<H> fresh = counted.stream()
                    .filter(hit -> uncounted.test(hit.incoming()))
                    .toList();
            return lock(connection, fresh).flatMap(locked -> {
                List<RunRequest> requests = rule.apply(fresh, locked, Instant.now());
                return save(connection, locked)
                        .flatMap(saved -> offsets.pass(connection, events))
                        .replaceWith(requests);
            });
        });
    }

    /** The states of the hits' groups, locked in key order; new groups with their new rows' values. */
    private Uni<Map<Key, S>> lock(SqlConnection connection, List<H> fresh) {
        Map<Key, S> locked = new TreeMap<>(ORDER);
        Map<Key, String> groups = new HashMap<>();
        fresh.forEach(hit -> groups.put(hit.key(), hit.group()));
        if (groups.isEmpty()) {
            return Uni.createFrom().item(locked);
        }
        List<Key> keys = groups.keySet().stream().sorted(ORDER).toList();
        return connection
                .preparedQuery(add)
                .executeBatch(keys.stream()
                        .map(key -> Tuple.of(key.flowId(), key.triggerKey(), key.groupKey(), kept(groups.get(key))))
                        .toList())
                .flatMap(added -> connection
                        .preparedQuery(lock)
                        .execute(Tuple.of(
                                keys.stream().map(Key::flowId).toArray(UUID[]::new),
                                keys.stream().map(Key::triggerKey).toArray(String[]::new),
                                keys.stream().map(Key::groupKey).toArray(String[]::new))))
                .map(rows -> {
                    for (Row row : rows) {
                        locked.put(
                                new Key(
                                        row.getUUID("flow_id"),
                                        row.getString("trigger_key"),
                                        row.getString("group_key")),
                                states.read().apply(row));
                    }
                    return locked;
                });
    }

    private Uni<Void> save(SqlConnection connection, Map<Key, S> locked) {
        List<Tuple> rows = locked.entrySet().stream()
                .map(entry -> {
                    Tuple row = Tuple.of(
                            entry.getKey().flowId(),
                            entry.getKey().triggerKey(),
                            entry.getKey().groupKey());
                    states.values().apply(entry.getValue()).forEach(row::addValue);
                    return row;
                })
                .toList();
        return rows.isEmpty()
                ? Uni.createFrom().voidItem()
                : connection.preparedQuery(save).executeBatch(rows).replaceWithVoid();
    }

    private static String kept(String group) {
        return group.length() > MAX_GROUP ? group.substring(0, MAX_GROUP) : group;
    }
}
