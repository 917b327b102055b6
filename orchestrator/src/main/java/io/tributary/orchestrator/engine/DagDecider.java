package io.tributary.orchestrator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.contract.json.Json;
import io.tributary.contract.run.StateType;
import io.tributary.orchestrator.flow.TaskSpec;
import io.tributary.orchestrator.lifecycle.StateName;
import io.tributary.orchestrator.run.FlowRun;
import io.tributary.orchestrator.run.TaskRun;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Moves a run along its DAG: dispatches every task whose dependencies completed, cancels the ones that can never
 * run because an upstream task ended without completing, and ends the flow run once all its task runs are final.
 * Called after every other decision, on the run as that decision left it.
 */
final class DagDecider {
    private DagDecider() {}

    static List<Change> advance(RunGraph graph) {
        FlowRun run = graph.run();
        List<Change> changes = new ArrayList<>();
        if (run.state.type.isFinal()) {
            return changes;
        }
        if (run.state.type == StateType.CANCELLING) {
            if (graph.tasks().stream().allMatch(RunGraph::isFinal)) {
                changes.add(new Change.Move(null, StateName.CANCELLED, "every task run ended"));
            }
            return changes;
        }
        // Admission (SlotDecider) comes first: a waiting run's tasks are only scheduled.
        boolean waiting = run.state.name == StateName.AWAITING_CONCURRENCY_SLOT;
        boolean dispatched = false;
        for (TaskRun task : graph.tasks()) {
            if (waiting) {
                if (task.state == null) {
                    changes.add(new Change.Move(task.id, StateName.SCHEDULED, null));
                }
                continue;
            }
            if (task.state != null && task.state.name != StateName.SCHEDULED) {
                continue;
            }
            Optional<TaskRun> blocker = blocker(graph, task);
            if (blocker.isPresent()) {
                changes.add(new Change.Move(
                        task.id,
                        StateName.CANCELLED,
                        "upstream task '" + blocker.get().taskName + "' ended "
                                + blocker.get().state.name.label()));
            } else if (ready(graph, task)) {
                TaskParameters parameters = TaskParameters.of(graph, task);
                if (parameters.error() != null) {
                    if (task.state == null) {
                        changes.add(new Change.Move(task.id, StateName.SCHEDULED, null));
                    }
                    changes.add(new Change.Move(task.id, StateName.FAILED, parameters.error()));
                    continue;
                }
                // Dispatch first: the Pending state is recorded with the attempt it dispatched.
                changes.add(new Change.Dispatch(task.id, parameters.json()));
                changes.add(new Change.Move(task.id, StateName.PENDING, null));
                dispatched = true;
            } else if (task.state == null) {
                changes.add(new Change.Move(task.id, StateName.SCHEDULED, null));
            }
        }
        if (dispatched && run.state.type == StateType.SCHEDULED) {
            changes.add(new Change.Move(null, StateName.PENDING, null));
        }
        if (!changes.isEmpty()) {
            // The next call sees these applied; ending the run is decided then.
            return changes;
        }
        if (graph.tasks().stream().allMatch(RunGraph::isFinal)) {
            changes.addAll(finish(graph));
        }
        return changes;
    }

    private static Optional<TaskRun> blocker(RunGraph graph, TaskRun task) {
        return graph.spec(task).dependencies().stream()
                .map(graph::task)
                .filter(up -> RunGraph.isFinal(up) && up.state.type != StateType.COMPLETED)
                .findFirst();
    }

    private static boolean ready(RunGraph graph, TaskRun task) {
        return graph.spec(task).dependencies().stream()
                .map(graph::task)
                .allMatch(up -> RunGraph.is(up, StateType.COMPLETED));
    }

    private static List<Change> finish(RunGraph graph) {
        Optional<TaskRun> worst = graph.tasks().stream()
                .filter(t -> t.state.type != StateType.COMPLETED)
                .min(Comparator.comparingInt(DagDecider::severity));
        if (worst.isEmpty()) {
            return List.of(new Change.Result(null, result(graph)), new Change.Move(null, StateName.COMPLETED, null));
        }
        TaskRun task = worst.get();
        String message = "task '" + task.taskName + "' ended " + task.state.name.label()
                + (task.state.message == null ? "" : ": " + task.state.message);
        StateName end = switch (task.state.type) {
            case CRASHED -> StateName.CRASHED;
            case CANCELLED -> StateName.CANCELLED;
            default -> StateName.FAILED;
        };
        return List.of(new Change.Move(null, end, message));
    }

    /** Crashed first, then failed, then cancelled: the flow run ends as its most telling task did. */
    private static int severity(TaskRun task) {
        return switch (task.state.type) {
            case CRASHED -> 0;
            case FAILED -> 1;
            default -> 2;
        };
    }

    /** The result of the one final task, or of each by name when the DAG ends in several. */
    private static String result(RunGraph graph) {
        List<TaskSpec> sinks = graph.flow().sinks();
        if (sinks.size() == 1) {
            return graph.task(sinks.get(0).name()).result;
        }
        ObjectNode results = Json.MAPPER.createObjectNode();
        for (TaskSpec sink : sinks) {
            String result = graph.task(sink.name()).result;
            results.set(sink.name(), result == null ? null : Json.read(result, JsonNode.class));
        }
        return Json.write(results);
    }
}
