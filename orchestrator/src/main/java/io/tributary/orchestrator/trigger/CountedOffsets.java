package io.tributary.orchestrator.trigger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The last offset of {@code tributary.events} a counting trigger kind counted, per partition, in a table of the
 * kind's own (each kind counts a batch in its own transaction, so one kind's commit must not skip the batch for
 * another): locked and moved in the transaction that counts a batch, so a redelivered event is counted once.
 */
public final class CountedOffsets {
    private final String add;
    private final String lock;
    private final String move;

    /** @param table a table of {@code (event_partition int primary key, last_offset bigint)} */
    public CountedOffsets(String table) {
        this.add = "insert into " + table + " (event_partition, last_offset) select unnest($1::int[]), -1"
                + " on conflict do nothing";
        this.lock = "select event_partition, last_offset from " + table
                + " where event_partition = any($1) order by event_partition for update";
        this.move = "update " + table + " set last_offset = $2 where event_partition = $1 and last_offset < $2";
    }

    /**
     * Locks the batch's partitions, in order so that concurrent batches never deadlock.
     *
     * @return which events of the batch were not counted yet
     */
    public Uni<Predicate<IncomingEvent>> lock(SqlConnection connection, List<IncomingEvent> batch) {
        Integer[] partitions = lastOffsets(batch).keySet().toArray(Integer[]::new);
        return connection
                .preparedQuery(add)
                .execute(Tuple.of(partitions))
                .flatMap(ignored -> connection.preparedQuery(lock).execute(Tuple.of(partitions)))
                .map(positions -> {
                    Map<Integer, Long> counted = new HashMap<>();
                    positions.forEach(row -> counted.put(row.getInteger(0), row.getLong(1)));
                    return incoming -> incoming.offset() > counted.get(incoming.partition());
                });
    }

    /** Moves the partitions past the whole batch: its events that counted nothing, too. */
    public Uni<Void> pass(SqlConnection connection, List<IncomingEvent> batch) {
        return connection
                .preparedQuery(move)
                .executeBatch(lastOffsets(batch).entrySet().stream()
                        .map(e -> Tuple.of(e.getKey(), e.getValue()))
                        .toList())
                .replaceWithVoid();
    }

    private static Map<Integer, Long> lastOffsets(List<IncomingEvent> batch) {
        Map<Integer, Long> last = new TreeMap<>();
        batch.forEach(incoming -> last.merge(incoming.partition(), incoming.offset(), Math::max));
        return last;
    }
}
