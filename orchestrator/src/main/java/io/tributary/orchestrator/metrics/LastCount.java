package io.tributary.orchestrator.metrics;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.function.Function;

/**
 * A count the database is asked for on a schedule and kept for gauges to read: a scrape never queries the database,
 * so scrapes cannot pile queries up on a struggling one. The owner's {@code @Scheduled} method calls {@link #count}
 * (with {@code SKIP}, so one count runs at a time); a count that fails is logged at debug and the last one is kept.
 *
 * @param <T> what the query's rows are read as
 */
public final class LastCount<T> {
    private final Pool pool;
    private final String what;
    private final String sql;
    private final Function<RowSet<Row>, T> read;
    private volatile T last;

    /**
     * @param what what is counted, for the log
     * @param initial what {@link #last()} is before the first count
     */
    public LastCount(Pool pool, String what, String sql, Function<RowSet<Row>, T> read, T initial) {
        this.pool = pool;
        this.what = what;
        this.sql = sql;
        this.read = read;
        this.last = initial;
    }

    /** Runs the query once and keeps what it read; never fails. */
    public Uni<Void> count(Tuple parameters) {
        return pool.preparedQuery(sql)
                .execute(parameters)
                .invoke(rows -> last = read.apply(rows))
                .onFailure()
                .invoke(e -> Log.debugf("%s not counted: %s", what, e.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** The last count, or the initial value before the first. */
    public T last() {
        return last;
    }
}
