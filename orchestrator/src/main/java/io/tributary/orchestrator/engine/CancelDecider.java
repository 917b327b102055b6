package io.tributary.orchestrator.engine;

import io.tributary.contract.run.StateType;
import io.tributary.orchestrator.lifecycle.StateName;
import io.tributary.orchestrator.problem.ConflictProblem;
import io.tributary.orchestrator.run.TaskRun;
import java.util.ArrayList;
import java.util.List;

/**
 * A cancel request. Attempts the executors may hold (pending or running) become Cancelling and the executors are
 * told to stop them; the rest are Cancelled at once. The run is Cancelled when nothing is left to confirm, else
 * Cancelling until the executors confirm or the grace period ends ({@link WakeDecider}).
 */
final class CancelDecider {
    private CancelDecider() {}

    static List<Change> cancel(RunGraph graph, String reason) {
        StateType state = graph.run().state.type;
        if (state == StateType.CANCELLING) {
            return List.of();
        }
        if (state.isFinal()) {
            throw new ConflictProblem("Flow run " + graph.run().id + " already ended "
                    + graph.run().state.name.label() + "; it cannot be cancelled.");
        }
        List<Change> changes = new ArrayList<>();
        boolean waiting = false;
        for (TaskRun task : graph.tasks()) {
            if (RunGraph.isFinal(task)) {
                continue;
            }
            if (task.state.type == StateType.PENDING || task.state.type == StateType.RUNNING) {
                changes.add(new Change.Move(task.id, StateName.CANCELLING, reason));
                changes.add(new Change.Cancel(task.id, reason));
                waiting = true;
            } else {
                changes.add(new Change.Move(task.id, StateName.CANCELLED, reason));
            }
        }
        changes.add(new Change.Move(null, waiting ? StateName.CANCELLING : StateName.CANCELLED, reason));
        return changes;
    }
}
