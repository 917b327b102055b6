package io.tributary.orchestrator.trigger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * The rows a stateful trigger keeps per (flow, trigger, group), such as a threshold's window or a pattern's events. A
 * group seen first gets a row at once, so that concurrent batches queue on it instead of both creating it; the rows
 * are then locked in key order, so that concurrent batches never deadlock.
 */
public final class GroupStates {
    /** Characters of a group's value kept for reading (its key is a hash of the whole value). */
    private static final int MAX_GROUP = 1000;

    private static final Comparator<Key> ORDER =
            Comparator.comparing(Key::flowId).thenComparing(Key::triggerKey).thenComparing(Key::groupKey);

    /** A group of a flow's trigger: the trigger's and the group's keys ({@link TriggerKeys}). */
    public record Key(UUID flowId, String triggerKey, String groupKey) {}

    private final String add;
    private final String lock;

    /**
     * @param table its key columns are {@code flow_id, trigger_key, group_key}, and {@code group_value}
     * @param newColumns the state columns a new row sets, and their {@code newValues}
     * @param stateColumns the state columns read back
     */
    public GroupStates(String table, String newColumns, String newValues, String stateColumns) {
        this.add = "insert into " + table + " (flow_id, trigger_key, group_key, group_value, " + newColumns
                + ") values ($1, $2, $3, $4, " + newValues + ") on conflict do nothing";
        this.lock = "select flow_id, trigger_key, group_key, " + stateColumns + " from " + table
                + " where (flow_id, trigger_key, group_key) in"
                + " (select * from unnest($1::uuid[], $2::text[], $3::text[]))"
                + " order by flow_id, trigger_key, group_key for update";
    }

    /**
     * The groups' states, locked in key order (new groups with their new rows' values), as {@code read} makes them
     * from their rows.
     *
     * @param groups each group's value, by its key
     */
    public <S> Uni<Map<Key, S>> lock(SqlConnection connection, Map<Key, String> groups, Function<Row, S> read) {
        Map<Key, S> states = new TreeMap<>(ORDER);
        if (groups.isEmpty()) {
            return Uni.createFrom().item(states);
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
                        states.put(
                                new Key(
                                        row.getUUID("flow_id"),
                                        row.getString("trigger_key"),
                                        row.getString("group_key")),
                                read.apply(row));
                    }
                    return states;
                });
    }

    private static String kept(String group) {
        return group.length() > MAX_GROUP ? group.substring(0, MAX_GROUP) : group;
    }
}
