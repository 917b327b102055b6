package io.tributary.orchestrator.run.live;

import io.smallrye.mutiny.Uni;
import io.tributary.contract.run.RunChange;
import io.tributary.contract.run.StateType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A run's state history as {@code /runs/{id}/events} replays it: in id order, which is the order the changes were
 * committed in (the engine changes a run only while it holds the run's row lock, and takes the ids inside). Plain
 * SQL on the reactive client: a stream reads long after its request's session would have closed.
 */
@ApplicationScoped
public class RunHistory {
    private static final String EXISTS = "select 1 from flow_run where id = $1";
    private static final String SINCE = "select s.id, r.flow_id, s.task_run_id, s.attempt, s.state_type, s.state_name,"
            + " s.state_message, s.state_at from run_state s join flow_run r on r.id = s.flow_run_id"
            + " where s.flow_run_id = $1 and s.id > $2 order by s.id limit $3";

    /** A history entry and its id. */
    public record Entry(long id, RunChange change) {}

    private final Pool pool;

    public RunHistory(Pool pool) {
        this.pool = pool;
    }

    public Uni<Boolean> exists(UUID runId) {
        return pool.preparedQuery(EXISTS).execute(Tuple.of(runId)).map(rows -> rows.size() > 0);
    }

    /** Up to {@code limit} entries after the entry {@code afterId}, oldest first, as published on tributary.runs. */
    public Uni<List<Entry>> since(UUID runId, long afterId, int limit) {
        return pool.preparedQuery(SINCE)
                .execute(Tuple.of(runId, afterId, limit))
                .map(rows -> {
                    List<Entry> entries = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        entries.add(new Entry(
                                row.getLong("id"),
                                new RunChange(
                                        runId,
                                        row.getUUID("flow_id"),
                                        row.getUUID("task_run_id"),
                                        StateType.valueOf(row.getString("state_type")),
                                        row.getString("state_name"),
                                        row.getString("state_message"),
                                        row.getOffsetDateTime("state_at").toInstant(),
                                        row.getInteger("attempt"))));
                    }
                    return entries;
                });
    }
}
