package io.tributary.orchestrator.engine;

import io.smallrye.mutiny.Uni;
import io.tributary.orchestrator.run.FlowRun;
import io.tributary.orchestrator.run.TaskRun;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The engine's statements, on the connection of the caller's transaction: one statement per batch of inputs and
 * kind of row, never one per run. Plain SQL on the reactive client, not the ORM: this is the hot path, and a session
 * with its persistence context, dirty checking and query translation cost more CPU per run than the database did.
 */
@ApplicationScoped
public class RunStore {
    private static final String EXISTING =
            "select flow_id, event_id from flow_run where flow_id = any($1) and event_id = any($2)";
    private static final String BY_EVENT =
            "select " + RunRows.RUN_COLUMNS + " from flow_run where flow_id = $1 and event_id = $2";
    private static final String LOCK =
            "select " + RunRows.RUN_COLUMNS + " from flow_run where id = any($1) order by id for update";
    private static final String CLAIM_DUE = "select " + RunRows.RUN_COLUMNS
            + " from flow_run where wake_at <= $1 order by wake_at limit $2 for update skip locked";
    private static final String TASKS_OF =
            "select " + RunRows.TASK_COLUMNS + " from task_run where flow_run_id = any($1)";

    /** The run the flow's event (or request) started; null when none. */
    Uni<FlowRun> byEvent(SqlConnection connection, UUID flowId, String eventId) {
        return connection
                .preparedQuery(BY_EVENT)
                .execute(Tuple.of(flowId, eventId))
                .map(rows ->
                        rows.size() == 0 ? null : RunRows.run(rows.iterator().next()));
    }

    /** A second run for one (flow, event), refused by the database: a concurrent transaction started it. */
    static boolean isUniqueViolation(Throwable failure) {
        return failure instanceof PgException pg && "23505".equals(pg.getSqlState());
    }

    /** Keys {@code flowId|eventId} of the runs that exist among these flows and events. */
    Uni<Set<String>> existing(SqlConnection connection, List<UUID> flowIds, List<String> eventIds) {
        return connection
                .preparedQuery(EXISTING)
                .execute(Tuple.of(
                        new HashSet<>(flowIds).toArray(UUID[]::new), new HashSet<>(eventIds).toArray(String[]::new)))
                .map(rows -> {
                    Set<String> keys = new HashSet<>();
                    rows.forEach(row -> keys.add(row.getUUID(0) + "|" + row.getString(1)));
                    return keys;
                });
    }

    /** The runs, locked until the transaction ends; always in id order, so two transactions never deadlock. */
    Uni<List<FlowRun>> lock(SqlConnection connection, Collection<UUID> ids) {
        return connection
                .preparedQuery(LOCK)
                .execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(rows -> list(rows, RunRows::run));
    }

    /** Up to {@code limit} runs with a timer due, skipping those another transaction holds. */
    Uni<List<FlowRun>> claimDue(SqlConnection connection, Instant now, int limit) {
        return connection
                .preparedQuery(CLAIM_DUE)
                .execute(Tuple.of(RunRows.time(now), limit))
                .map(rows -> list(rows, RunRows::run));
    }

    Uni<Map<UUID, List<TaskRun>>> tasksOf(SqlConnection connection, List<FlowRun> runs) {
        if (runs.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return connection
                .preparedQuery(TASKS_OF)
                .execute(Tuple.of(runs.stream().map(r -> r.id).toArray(UUID[]::new)))
                .map(rows -> list(rows, RunRows::task).stream().collect(Collectors.groupingBy(t -> t.flowRunId)));
    }

    /**
     * Writes a transaction's rows kind after kind (new runs before the task runs and history that reference them),
     * each kind as one batch.
     *
     * @param loaded the runs the transaction loaded and decided on: their rows and their task runs' are updated
     */
    Uni<Writes> persist(SqlConnection connection, Writes writes, Collection<RunGraph> loaded) {
        List<TaskRun> loadedTasks = new ArrayList<>();
        loaded.forEach(graph -> loadedTasks.addAll(graph.tasks()));
        return batch(connection, RunRows.INSERT_RUN, writes.runs, RunRows::inserted)
                .flatMap(ignored -> batch(connection, RunRows.INSERT_TASK, writes.tasks, RunRows::inserted))
                .flatMap(ignored -> batch(
                        connection,
                        RunRows.UPDATE_RUN,
                        loaded.stream().map(RunGraph::run).toList(),
                        RunRows::updated))
                .flatMap(ignored -> batch(connection, RunRows.UPDATE_TASK, loadedTasks, RunRows::updated))
                .flatMap(ignored -> batch(connection, RunRows.INSERT_HISTORY, writes.history, RunRows::inserted))
                .flatMap(ignored -> batch(connection, RunRows.INSERT_OUTBOX, writes.outbox, RunRows::inserted))
                .replaceWith(writes);
    }

    private static <T> Uni<Void> batch(SqlConnection connection, String sql, List<T> rows, Function<T, Tuple> tuple) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection
                .preparedQuery(sql)
                .executeBatch(rows.stream().map(tuple).toList())
                .replaceWithVoid();
    }

    private static <T> List<T> list(RowSet<Row> rows, Function<Row, T> mapper) {
        List<T> list = new ArrayList<>(rows.size());
        rows.forEach(row -> list.add(mapper.apply(row)));
        return list;
    }
}
