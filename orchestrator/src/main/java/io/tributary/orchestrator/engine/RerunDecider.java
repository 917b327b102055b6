package io.tributary.orchestrator.engine;

import io.tributary.contract.run.StateType;
import io.tributary.orchestrator.lifecycle.StateName;
import io.tributary.orchestrator.problem.ConflictProblem;
import io.tributary.orchestrator.run.TaskRun;
import java.util.ArrayList;
import java.util.List;

/**
 * A re-run by request of a run that ended without completing: its task runs that did not complete are scheduled
 * again (their next attempt), the completed ones keep their results; {@link DagDecider} dispatches what is ready.
 */
final class RerunDecider {
    private RerunDecider() {}

    static List<Change> rerun(RunGraph graph) {
        StateType state = graph.run().state.type;
        if (!state.isFinal() || state == StateType.COMPLETED) {
            throw new ConflictProblem("Flow run " + graph.run().id + " is "
                    + graph.run().state.name.label() + "; only a Failed, Crashed or Cancelled run can be re-run.");
        }
        List<Change> changes = new ArrayList<>();
        changes.add(new Change.Move(null, StateName.AWAITING_RETRY, "re-run requested"));
        for (TaskRun task : graph.tasks()) {
            if (task.state.type != StateType.COMPLETED) {
                changes.add(new Change.Move(task.id, StateName.SCHEDULED, "re-run requested"));
            }
        }
        return changes;
    }
}
