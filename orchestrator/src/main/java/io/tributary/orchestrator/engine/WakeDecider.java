package io.tributary.orchestrator.engine;

import io.tributary.contract.run.StateType;
import io.tributary.orchestrator.flow.FailureKind;
import io.tributary.orchestrator.lifecycle.StateName;
import io.tributary.orchestrator.run.FlowRun;
import io.tributary.orchestrator.run.TaskRun;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A run's timers came due: an attempt past its timeout or without heartbeats, a retry delay over, a cancellation
 * the executor never confirmed, a run not started within its "start within", a flow run past its timeout. Each
 * timer is judged from the run's state alone, so a wake that finds nothing due changes nothing.
 */
final class WakeDecider {
    private WakeDecider() {}

    static List<Change> wake(RunGraph graph, Instant now, EngineTimes times, RandomGenerator random) {
        FlowRun run = graph.run();
        if (run.state.type.isFinal()) {
            return List.of();
        }
        Duration flowTimeout = graph.flow().spec().timeout();
        if (run.state.type == StateType.RUNNING
                && flowTimeout != null
                && !run.startedAt.plus(flowTimeout).isAfter(now)) {
            return timedOut(graph, "the flow run ran past its timeout of " + flowTimeout);
        }
        List<Change> changes = new ArrayList<>();
        for (TaskRun task : graph.tasks()) {
            changes.addAll(wake(graph, task, now, times, random));
        }
        if (Deadlines.isLate(graph, now)) {
            changes.add(late(graph));
        }
        return changes;
    }

    /** Late is reported, never a failure: the run goes on as it was (see {@link Deadlines#lateAt}). */
    static Change late(RunGraph graph) {
        return new Change.Move(
                null,
                StateName.LATE,
                "not started within " + graph.flow().spec().startWithin());
    }

    private static List<Change> wake(
            RunGraph graph, TaskRun task, Instant now, EngineTimes times, RandomGenerator random) {
        if (task.state.type == StateType.RUNNING) {
            Duration timeout = graph.spec(task).timeout();
            if (!task.startedAt.plus(timeout).isAfter(now)) {
                return stopped(
                        graph,
                        task,
                        FailureKind.TIMEOUT,
                        "attempt " + task.attempt + " ran past its timeout of " + timeout,
                        now,
                        random);
            }
            if (!times.silentUntil(task.heartbeatAt).isAfter(now)) {
                return stopped(
                        graph,
                        task,
                        FailureKind.CRASH,
                        "no heartbeat from the executor since " + task.heartbeatAt,
                        now,
                        random);
            }
        } else if (task.state.name == StateName.AWAITING_RETRY && !task.retryAt.isAfter(now)) {
            return List.of(
                    new Change.Dispatch(task.id, task.parameters), new Change.Move(task.id, StateName.PENDING, null));
        } else if (task.state.name == StateName.CANCELLING
                && !task.state.at.plus(times.cancelGrace()).isAfter(now)) {
            return List.of(new Change.Move(
                    task.id,
                    StateName.CANCELLED,
                    "the executor did not confirm within " + times.cancelGrace() + "; a late result is ignored"));
        }
        return List.of();
    }

    /** The executor is told to stop the attempt, in case it is still working on it. */
    private static List<Change> stopped(
            RunGraph graph, TaskRun task, FailureKind kind, String reason, Instant now, RandomGenerator random) {
        List<Change> changes = new ArrayList<>();
        changes.add(new Change.Cancel(task.id, reason));
        changes.addAll(RetryDecider.failed(graph, task, kind, reason, now, random));
        return changes;
    }

    private static List<Change> timedOut(RunGraph graph, String reason) {
        List<Change> changes = new ArrayList<>();
        for (TaskRun task : graph.tasks()) {
            if (RunGraph.isFinal(task)) {
                continue;
            }
            if (task.state.type == StateType.PENDING || task.state.type == StateType.RUNNING) {
                changes.add(new Change.Cancel(task.id, reason));
            }
            changes.add(new Change.Move(task.id, StateName.CANCELLED, reason));
        }
        changes.add(new Change.Move(null, StateName.TIMED_OUT, reason));
        return changes;
    }
}
