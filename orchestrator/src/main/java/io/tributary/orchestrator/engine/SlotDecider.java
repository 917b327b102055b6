package io.tributary.orchestrator.engine;

import io.tributary.orchestrator.flow.ConcurrencyLimit;
import io.tributary.orchestrator.flow.ConcurrencyLimit.Collision;
import io.tributary.orchestrator.lifecycle.StateName;
import io.tributary.orchestrator.run.TaskRun;
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

    static List<Change> admission(RunGraph graph, boolean granted, SortedMap<String, ConcurrencyLimit> limits) {
        if (granted) {
            return List.of(
                    new Change.AdmitAt(null), new Change.Move(null, StateName.PENDING, "concurrency slot taken"));
        }
        boolean cancelNew = limits.values().stream().anyMatch(l -> l.collisionOrDefault() == Collision.CANCEL_NEW);
        if (!cancelNew) {
            return List.of(new Change.AdmitAt(null));
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
}
