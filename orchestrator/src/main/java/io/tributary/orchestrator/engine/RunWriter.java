package io.tributary.orchestrator.engine;

import io.tributary.contract.run.RunChange;
import io.tributary.contract.task.TaskControl;
import io.tributary.orchestrator.lifecycle.IllegalTransitionException;
import io.tributary.orchestrator.lifecycle.RunLifecycle;
import io.tributary.orchestrator.lifecycle.State;
import io.tributary.orchestrator.lifecycle.StateName;
import io.tributary.orchestrator.outbox.ExportedEvent;
import io.tributary.orchestrator.outbox.Outbox;
import io.tributary.orchestrator.run.FlowRun;
import io.tributary.orchestrator.run.RunState;
import io.tributary.orchestrator.run.TaskRun;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Applies a decision to a run: every move checked against {@link RunLifecycle} before anything changes (a decision
 * is applied whole or not at all), stored in the history and exported to {@code tributary.runs}; dispatches and
 * commands exported to the executors. The rows it adds go to {@link Writes}; changed runs are flushed by Hibernate.
 */
final class RunWriter {
    private final EngineTimes times;
    private final Writes writes;
    private final Instant now;

    Writes writes() {
        return writes;
    }

    EngineTimes times() {
        return times;
    }

    RunWriter(EngineTimes times, Writes writes, Instant now) {
        this.times = times;
        this.writes = writes;
        this.now = now;
    }

    /** @throws IllegalTransitionException when a move of the decision is not legal; the run is then unchanged */
    void apply(RunGraph graph, List<Change> changes) {
        check(graph, changes);
        for (Change change : changes) {
            // Java 17: no pattern matching in switch yet.
            if (change instanceof Change.Move move) {
                move(graph, move);
            } else if (change instanceof Change.Dispatch dispatch) {
                dispatch(graph, graph.task(dispatch.taskRunId()), dispatch.parameters());
            } else if (change instanceof Change.Started started) {
                started(graph, started);
            } else if (change instanceof Change.Heartbeat beat) {
                graph.task(beat.taskRunId()).heartbeatAt = beat.at();
            } else if (change instanceof Change.Result result) {
                if (result.taskRunId() == null) {
                    graph.run().result = result.json();
                } else {
                    graph.task(result.taskRunId()).result = result.json();
                }
            } else if (change instanceof Change.Error error) {
                graph.task(error.taskRunId()).error = error.error();
            } else if (change instanceof Change.RetryAt retry) {
                graph.task(retry.taskRunId()).retryAt = retry.at();
            } else if (change instanceof Change.AdmitAt admit) {
                graph.run().admitAt = admit.at();
            } else if (change instanceof Change.Cancel cancel) {
                cancel(graph, graph.task(cancel.taskRunId()), cancel.reason());
            }
        }
    }

    private static void started(RunGraph graph, Change.Started started) {
        if (started.taskRunId() == null) {
            graph.run().startedAt = started.at();
        } else {
            TaskRun task = graph.task(started.taskRunId());
            task.startedAt = started.at();
            task.heartbeatAt = started.at();
        }
    }

    /** After the last decision of a transaction: when the run must next be woken. */
    void schedule(RunGraph graph) {
        graph.run().wakeAt = Deadlines.next(graph, times);
    }

    private void check(RunGraph graph, List<Change> changes) {
        Map<UUID, StateName> states = new HashMap<>();
        for (Change change : changes) {
            if (change instanceof Change.Move move) {
                UUID key = move.taskRunId() == null ? graph.run().id : move.taskRunId();
                StateName from = states.containsKey(key) ? states.get(key) : graph.stateOf(move.taskRunId());
                if (!RunLifecycle.isLegal(from, move.to())) {
                    // The messages are built only for a refusal: this runs for every move of every run.
                    String what = move.taskRunId() == null
                            ? "flow run " + graph.run().id
                            : "task run " + move.taskRunId() + " of flow run " + graph.run().id;
                    RunLifecycle.check(what, from, move.to(), states.isEmpty() ? current(graph) : states);
                }
                states.put(key, move.to());
            }
        }
    }

    private static String current(RunGraph graph) {
        StringBuilder text = new StringBuilder("run ").append(graph.run().state);
        graph.tasks()
                .forEach(t -> text.append(", ").append(t.taskName).append(' ').append(t.state));
        return text.toString();
    }

    private void move(RunGraph graph, Change.Move move) {
        FlowRun run = graph.run();
        State state = State.of(move.to(), move.message(), now);
        Integer attempt = null;
        String flowName = graph.flow() == null ? null : graph.flow().spec().name();
        if (move.taskRunId() == null) {
            run.state = state;
            writes.moves.add(RunMetrics.Moved.ofRun(flowName, move.to()));
        } else {
            TaskRun task = graph.task(move.taskRunId());
            task.state = state;
            attempt = task.attempt;
            writes.moves.add(RunMetrics.Moved.ofTask(task.taskType, move.to(), task.startedAt, now));
        }
        RunState history = new RunState();
        history.flowRunId = run.id;
        history.taskRunId = move.taskRunId();
        history.attempt = attempt;
        history.state = State.of(move.to(), move.message(), now);
        writes.history.add(history);
        writes.outbox.add(Outbox.export(
                new ExportedEvent.RunChanged(new RunChange(
                        run.id,
                        run.flowId,
                        move.taskRunId(),
                        move.to().type(),
                        move.to().label(),
                        move.message(),
                        now,
                        attempt)),
                now,
                run.traceparent));
    }

    private void dispatch(RunGraph graph, TaskRun task, String parameters) {
        task.parameters = parameters;
        task.attempt++;
        task.startedAt = null;
        task.heartbeatAt = null;
        task.retryAt = null;
        writes.outbox.add(Outbox.export(
                new ExportedEvent.TaskDispatched(TaskMessages.of(graph, task, times)), now, graph.run().traceparent));
    }

    private void cancel(RunGraph graph, TaskRun task, String reason) {
        TaskControl control = TaskControl.cancel(task.id, graph.run().id, task.attempt, reason, now);
        writes.outbox.add(Outbox.export(
                new ExportedEvent.TaskCommanded(control, graph.run().seriesKey), now, graph.run().traceparent));
    }
}
