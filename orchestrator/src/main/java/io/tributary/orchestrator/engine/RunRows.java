package io.tributary.orchestrator.engine;

import io.tributary.contract.run.StateType;
import io.tributary.orchestrator.lifecycle.State;
import io.tributary.orchestrator.lifecycle.StateName;
import io.tributary.orchestrator.outbox.OutboxMessage;
import io.tributary.orchestrator.run.FlowRun;
import io.tributary.orchestrator.run.RunState;
import io.tributary.orchestrator.run.TaskRun;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The engine's rows in SQL: flow runs and task runs read and written, history and outbox rows inserted, each kind
 * as one batch on the reactive client. The same columns the entities map for the API's reads; ids of history and
 * outbox rows come from their sequences.
 */
final class RunRows {
    static final String RUN_COLUMNS = "id, flow_id, flow_version, event_id, trigger_kind, parameters, series_key,"
            + " trigger_event, state_type, state_name, state_message, state_at, result, created_at, started_at,"
            + " admit_at, wake_at, traceparent";
    static final String TASK_COLUMNS = "id, flow_run_id, task_name, task_type, attempt, parameters, state_type,"
            + " state_name, state_message, state_at, result, error, created_at, started_at, heartbeat_at, retry_at";

    static final String INSERT_RUN = "insert into flow_run (" + RUN_COLUMNS + ") values " + placeholders(18);
    static final String UPDATE_RUN = "update flow_run set state_type = $2, state_name = $3, state_message = $4,"
            + " state_at = $5, result = $6, started_at = $7, admit_at = $8, wake_at = $9 where id = $1";
    static final String INSERT_TASK = "insert into task_run (" + TASK_COLUMNS + ") values " + placeholders(16);
    static final String UPDATE_TASK = "update task_run set attempt = $2, parameters = $3, state_type = $4,"
            + " state_name = $5, state_message = $6, state_at = $7, result = $8, error = $9, started_at = $10,"
            + " heartbeat_at = $11, retry_at = $12 where id = $1";
    static final String INSERT_HISTORY = "insert into run_state (flow_run_id, task_run_id, attempt, state_type,"
            + " state_name, state_message, state_at) values " + placeholders(7);
    static final String INSERT_OUTBOX =
            "insert into outbox (topic, message_key, payload, created_at, traceparent) values " + placeholders(5);

    private RunRows() {}

    static FlowRun run(Row row) {
        FlowRun run = new FlowRun();
        run.id = row.getUUID("id");
        run.flowId = row.getUUID("flow_id");
        run.flowVersion = row.getInteger("flow_version");
        run.eventId = row.getString("event_id");
        run.triggerKind = row.getString("trigger_kind");
        run.parameters = row.getString("parameters");
        run.seriesKey = row.getString("series_key");
        run.triggerEvent = row.getString("trigger_event");
        run.state = state(row);
        run.result = row.getString("result");
        run.createdAt = instant(row, "created_at");
        run.startedAt = instant(row, "started_at");
        run.admitAt = instant(row, "admit_at");
        run.wakeAt = instant(row, "wake_at");
        run.traceparent = row.getString("traceparent");
        return run;
    }

    static TaskRun task(Row row) {
        TaskRun task = new TaskRun();
        task.id = row.getUUID("id");
        task.flowRunId = row.getUUID("flow_run_id");
        task.taskName = row.getString("task_name");
        task.taskType = row.getString("task_type");
        task.attempt = row.getInteger("attempt");
        task.parameters = row.getString("parameters");
        task.state = state(row);
        task.result = row.getString("result");
        task.error = row.getString("error");
        task.createdAt = instant(row, "created_at");
        task.startedAt = instant(row, "started_at");
        task.heartbeatAt = instant(row, "heartbeat_at");
        task.retryAt = instant(row, "retry_at");
        return task;
    }

    static Tuple inserted(FlowRun run) {
        return new Values()
                .add(run.id, run.flowId, run.flowVersion, run.eventId, run.triggerKind, run.parameters)
                .add(run.seriesKey, run.triggerEvent)
                .state(run.state)
                .add(run.result, time(run.createdAt))
                .add(progress(run))
                .add(run.traceparent)
                .tuple();
    }

    static Tuple updated(FlowRun run) {
        return new Values()
                .add(run.id)
                .state(run.state)
                .add(run.result)
                .add(progress(run))
                .tuple();
    }

    static Tuple inserted(TaskRun task) {
        return new Values()
                .add(task.id, task.flowRunId, task.taskName, task.taskType, task.attempt, task.parameters)
                .state(task.state)
                .add(task.result, task.error, time(task.createdAt))
                .add(progress(task))
                .tuple();
    }

    static Tuple updated(TaskRun task) {
        return new Values()
                .add(task.id, task.attempt, task.parameters)
                .state(task.state)
                .add(task.result, task.error)
                .add(progress(task))
                .tuple();
    }

    static Tuple inserted(RunState entry) {
        return new Values()
                .add(entry.flowRunId, entry.taskRunId, entry.attempt)
                .state(entry.state)
                .tuple();
    }

    static Tuple inserted(OutboxMessage message) {
        return Tuple.of(
                message.topic(), message.key(), message.payload(), time(message.createdAt()), message.traceparent());
    }

    /** The columns a decision moves besides the state, in the order the statements name them. */
    private static Object[] progress(FlowRun run) {
        return new Object[] {time(run.startedAt), time(run.admitAt), time(run.wakeAt)};
    }

    private static Object[] progress(TaskRun task) {
        return new Object[] {time(task.startedAt), time(task.heartbeatAt), time(task.retryAt)};
    }

    /** A statement's parameters in order; a state is its four columns. Values may be null. */
    private static final class Values {
        private final List<Object> values = new ArrayList<>();

        Values add(Object... more) {
            values.addAll(Arrays.asList(more));
            return this;
        }

        Values state(State state) {
            return add(state.type.name(), state.name.label(), state.message, time(state.at));
        }

        Tuple tuple() {
            return Tuple.from(values);
        }
    }

    /** PostgreSQL's {@code timestamptz}, as the reactive client binds it. */
    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime time = row.getOffsetDateTime(column);
        return time == null ? null : time.toInstant();
    }

    private static State state(Row row) {
        State state = new State();
        state.type = StateType.valueOf(row.getString("state_type"));
        state.name = StateName.ofLabel(row.getString("state_name"));
        state.message = row.getString("state_message");
        state.at = instant(row, "state_at");
        return state;
    }

    private static String placeholders(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "$" + i).collect(Collectors.joining(", ", "(", ")"));
    }
}
