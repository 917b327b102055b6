package io.tributary.orchestrator.engine;

import io.tributary.contract.run.StateType;
import io.tributary.orchestrator.lifecycle.StateName;
import io.tributary.orchestrator.run.FlowRun;
import io.tributary.orchestrator.run.TaskRun;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * When a run must next be looked at: the earliest of its timers, derived from its state so that no timer can be
 * forgotten or left behind. Waiting in a queue has no timer: it is never a failure.
 */
final class Deadlines {
    private Deadlines() {}

    static Instant next(RunGraph graph, EngineTimes times) {
        FlowRun run = graph.run();
        if (run.state.type.isFinal()) {
            return null;
        }
        Instant own = own(graph, times);
        return Stream.concat(Stream.of(own), graph.tasks().stream().map(t -> of(graph, t, times)))
                .filter(at -> at != null)
                .min(Instant::compareTo)
                .orElse(null);
    }

    private static Instant own(RunGraph graph, EngineTimes times) {
        FlowRun run = graph.run();
        Duration timeout = graph.flow().spec().timeout();
        if (run.state.type == StateType.RUNNING && timeout != null) {
            return run.startedAt.plus(timeout);
        }
        Instant late = lateAt(graph);
        if (run.state.name == StateName.AWAITING_CONCURRENCY_SLOT) {
            return late == null || (run.admitAt != null && run.admitAt.isBefore(late)) ? run.admitAt : late;
        }
        return late;
    }

    /**
     * When the run is to be marked Late: not started within the flow's "start within" while scheduled, pending or
     * waiting for a slot. Null when that does not apply or it was marked already: the state it is in began at or
     * after that instant (Late, or the state it went back to, such as waiting for its slot).
     */
    static Instant lateAt(RunGraph graph) {
        FlowRun run = graph.run();
        Duration startWithin = graph.flow().spec().startWithin();
        if (startWithin == null
                || run.startedAt != null
                || !(run.state.name == StateName.SCHEDULED
                        || run.state.name == StateName.PENDING
                        || run.state.name == StateName.AWAITING_CONCURRENCY_SLOT)) {
            return null;
        }
        Instant late = run.createdAt.plus(startWithin);
        return run.state.at.isBefore(late) ? late : null;
    }

    static boolean isLate(RunGraph graph, Instant now) {
        Instant late = lateAt(graph);
        return late != null && !late.isAfter(now);
    }

    private static Instant of(RunGraph graph, TaskRun task, EngineTimes times) {
        if (task.state.type == StateType.RUNNING) {
            Instant timeout = task.startedAt.plus(graph.spec(task).timeout());
            Instant silent = times.silentUntil(task.heartbeatAt);
            return timeout.isBefore(silent) ? timeout : silent;
        }
        if (task.state.name == StateName.AWAITING_RETRY) {
            return task.retryAt;
        }
        if (task.state.name == StateName.CANCELLING) {
            return task.state.at.plus(times.cancelGrace());
        }
        return null;
    }
}
