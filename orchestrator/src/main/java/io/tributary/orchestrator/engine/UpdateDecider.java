package io.tributary.orchestrator.engine;

import io.quarkus.logging.Log;
import io.tributary.contract.json.Json;
import io.tributary.contract.run.StateType;
import io.tributary.contract.task.TaskUpdate;
import io.tributary.orchestrator.flow.FailureKind;
import io.tributary.orchestrator.lifecycle.StateName;
import io.tributary.orchestrator.run.TaskRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * An executor's report on an attempt. Reports are idempotent: one for another attempt, for a task run already
 * final, or for a run already final (a redelivery, or a late report after a timeout or cancellation) changes
 * nothing.
 *
 * <p>Times are the orchestrator's ({@code now}), not the report's: an attempt's timeout and heartbeats are judged
 * from when the orchestrator saw them, so a backlog of reports on the orchestrator's side can never make a live
 * attempt look crashed. The executor enforces the exact timeout itself.
 */
final class UpdateDecider {
    private UpdateDecider() {}

    static List<Change> decide(RunGraph graph, TaskUpdate update, Instant now, RandomGenerator random) {
        TaskRun task = graph.task(update.taskRunId());
        if (task == null
                || task.attempt != update.attempt()
                || RunGraph.isFinal(task)
                || graph.run().state.type.isFinal()) {
            Log.debugf("Ignoring %s for task run %s attempt %d", update.status(), update.taskRunId(), update.attempt());
            return List.of();
        }
        if (task.state.name == StateName.CANCELLING) {
            return switch (update.status()) {
                case RUNNING, HEARTBEAT -> List.of();
                default ->
                    List.of(new Change.Move(
                            task.id,
                            StateName.CANCELLED,
                            "cancelled; the executor reported "
                                    + update.status().name()));
            };
        }
        if (task.state.type != StateType.PENDING && task.state.type != StateType.RUNNING) {
            return List.of();
        }
        List<Change> changes = new ArrayList<>();
        switch (update.status()) {
            case RUNNING -> changes.addAll(started(graph, task, now));
            case HEARTBEAT -> {
                changes.addAll(started(graph, task, now));
                changes.add(new Change.Heartbeat(task.id, now));
            }
            case COMPLETED -> {
                changes.addAll(started(graph, task, now));
                changes.add(new Change.Result(task.id, Json.write(update.result())));
                changes.add(new Change.Move(task.id, StateName.COMPLETED, null));
            }
            case FAILED ->
                changes.addAll(RetryDecider.failed(graph, task, FailureKind.ERROR, update.error(), now, random));
            case TIMED_OUT ->
                changes.addAll(RetryDecider.failed(graph, task, FailureKind.TIMEOUT, update.error(), now, random));
            case CANCELLED -> changes.add(new Change.Move(task.id, StateName.CANCELLED, update.error()));
        }
        return changes;
    }

    /** The moves to RUNNING, when the attempt (and with it the flow run) is not running yet. */
    static List<Change> started(RunGraph graph, TaskRun task, Instant now) {
        if (task.state.type == StateType.RUNNING) {
            return List.of();
        }
        List<Change> changes = new ArrayList<>();
        changes.add(new Change.Move(task.id, task.attempt > 1 ? StateName.RETRYING : StateName.RUNNING, null));
        changes.add(new Change.Started(task.id, now));
        StateType run = graph.run().state.type;
        if (run == StateType.SCHEDULED || run == StateType.PENDING) {
            changes.add(new Change.Move(null, StateName.RUNNING, null));
            changes.add(new Change.Started(null, now));
        }
        return changes;
    }
}
