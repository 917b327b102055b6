package io.tributary.orchestrator.engine;

import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.json.Json;
import io.tributary.contract.run.StateType;
import io.tributary.orchestrator.flow.FlowDefinition;
import io.tributary.orchestrator.flow.TaskSpec;
import io.tributary.orchestrator.lifecycle.StateName;
import io.tributary.orchestrator.run.FlowRun;
import io.tributary.orchestrator.run.TaskRun;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A flow run with its task runs and its flow: what every decider reads. */
public final class RunGraph {
    private final FlowRun run;
    private final FlowDefinition flow;
    private final List<TaskRun> tasks;
    /** How long a run whose decision failed is left alone before it is woken again. */
    private static final Duration PUT_OFF = Duration.ofMinutes(1);

    private final boolean endedBefore;
    private boolean failed;
    private NormalizedEvent trigger;

    public RunGraph(FlowRun run, FlowDefinition flow, List<TaskRun> tasks, NormalizedEvent trigger) {
        this.run = run;
        this.endedBefore = run.state != null && run.state.type.isFinal();
        this.flow = flow;
        // The flow's order, so that decisions (and the history they write) do not depend on how rows were loaded.
        this.tasks = tasks.stream()
                .sorted((a, b) -> Integer.compare(order(flow, a), order(flow, b)))
                .toList();
        this.trigger = trigger;
    }

    /**
     * A new run of the flow, its task runs not created in any state yet (the deciders set them).
     *
     * @param event the triggering event; for a run started by hand, one that stands for the request
     * @param parameters JSON object of the run's parameters, defaults included
     */
    public static RunGraph create(
            FlowDefinition flow, NormalizedEvent event, String triggerKind, String parameters, Instant createdAt) {
        FlowRun run = new FlowRun();
        run.id = UUID.randomUUID();
        run.flowId = flow.id();
        run.flowVersion = flow.version();
        run.eventId = event.id();
        run.triggerKind = triggerKind;
        run.parameters = parameters;
        run.seriesKey = event.seriesKey();
        run.triggerEvent = Json.write(event);
        run.createdAt = createdAt;
        List<TaskRun> tasks = new ArrayList<>();
        for (TaskSpec spec : flow.tasks()) {
            TaskRun task = new TaskRun();
            task.id = UUID.randomUUID();
            task.flowRunId = run.id;
            task.taskName = spec.name();
            task.taskType = spec.type();
            task.createdAt = createdAt;
            tasks.add(task);
        }
        return new RunGraph(run, flow, tasks, event);
    }

    private static int order(FlowDefinition flow, TaskRun task) {
        return flow.tasks().indexOf(flow.task(task.taskName));
    }

    /** A decision about this run failed (a defect): its next wake is put off. */
    void putOff() {
        failed = true;
    }

    void putOffIfFailed(Instant now) {
        if (failed && run.wakeAt != null && run.wakeAt.isBefore(now.plus(PUT_OFF))) {
            run.wakeAt = now.plus(PUT_OFF);
        }
    }

    /** Whether the run reached a final state since it was loaded (it then gives back its concurrency slots). */
    public boolean endedNow() {
        return !endedBefore && run.state != null && run.state.type.isFinal();
    }

    public FlowRun run() {
        return run;
    }

    public FlowDefinition flow() {
        return flow;
    }

    public List<TaskRun> tasks() {
        return tasks;
    }

    public TaskRun task(UUID id) {
        return tasks.stream().filter(t -> t.id.equals(id)).findFirst().orElse(null);
    }

    public TaskRun task(String name) {
        return tasks.stream()
                .filter(t -> t.taskName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("run " + run.id + " has no task '" + name + "'"));
    }

    public TaskSpec spec(TaskRun task) {
        return flow.task(task.taskName);
    }

    public NormalizedEvent trigger() {
        if (trigger == null) {
            trigger = Json.read(run.triggerEvent, NormalizedEvent.class);
        }
        return trigger;
    }

    /** The state of the flow run (null) or of a task run. */
    public StateName stateOf(UUID taskRunId) {
        if (taskRunId == null) {
            return run.state == null ? null : run.state.name;
        }
        TaskRun task = task(taskRunId);
        return task.state == null ? null : task.state.name;
    }

    static boolean is(TaskRun task, StateType type) {
        return task.state != null && task.state.type == type;
    }

    static boolean isFinal(TaskRun task) {
        return task.state != null && task.state.type.isFinal();
    }
}
