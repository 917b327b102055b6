package io.tributary.orchestrator.engine;

import io.tributary.orchestrator.concurrency.SlotStore.Admission;
import io.tributary.orchestrator.flow.ConcurrencyLimit;
import io.tributary.orchestrator.flow.ConcurrencyLimit.Collision;
import io.tributary.orchestrator.lifecycle.StateName;
import io.tributary.orchestrator.run.TaskRun;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * Concurrency limits: a new run of a limited flow waits for admission; admitted, it starts (the DAG dispatches its
 * first tasks); turned away, it waits parked until a slot frees (ENQUEUE) or is cancelled (CANCEL_NEW, when any of
 * its limits says so).
 */
final class SlotDecider {
    private SlotDecider() {}

    static List<Change> waitForSlot(SortedMap<String, ConcurrencyLimit> limits, Instant now) {
        return List.of(
                new Change.Move(null, StateName.AWAITING_CONCURRENCY_SLOT, "waiting for a slot of " + limits.keySet()),
                new Change.AdmitAt(now));
    }

    /** While older waiters go first, a run with free slots ahead of it looks again this soon. */
    static final Duration BEHIND_RECHECK = Duration.ofMillis(100);

    /**
     * What admission means for the run. A run kept waiting past its "start within" is marked Late and goes on
     * waiting in its place; one admitted past it is marked Late on its way to Pending.
     */
    static List<Change> admission(
            RunGraph graph, Admission admission, SortedMap<String, ConcurrencyLimit> limits, Instant now) {
        List<Change> late = Deadlines.isLate(graph, now) ? List.of(WakeDecider.late(graph)) : List.of();
        if (admission == Admission.GRANTED) {
            return concat(
                    late, new Change.AdmitAt(null), new Change.Move(null, StateName.PENDING, "concurrency slot taken"));
        }
        boolean cancelNew = limits.values().stream().anyMatch(l -> l.collisionOrDefault() == Collision.CANCEL_NEW);
        if (admission == Admission.BEHIND || !cancelNew) {
            Instant again = admission == Admission.BEHIND ? now.plus(BEHIND_RECHECK) : null;
            if (late.isEmpty()) {
                return List.of(new Change.AdmitAt(again));
            }
            return concat(
                    late,
                    new Change.Move(
                            null,
                            StateName.AWAITING_CONCURRENCY_SLOT,
                            "still waiting for a slot of " + limits.keySet()),
                    new Change.AdmitAt(again));
        }
        String reason = "concurrency limit reached: " + limits.keySet();
        List<Change> changes = new ArrayList<>();
        changes.add(new Change.AdmitAt(null));
        for (TaskRun task : graph.tasks()) {
            changes.add(new Change.Move(task.id, StateName.CANCELLED, reason));
        }
        changes.add(new Change.Move(null, StateName.CANCELLED, reason));
        return changes;
    }

    private static List<Change> concat(List<Change> first, Change... then) {
        List<Change> changes = new ArrayList<>(first);
        changes.addAll(List.of(then));
        return changes;
    }
}
