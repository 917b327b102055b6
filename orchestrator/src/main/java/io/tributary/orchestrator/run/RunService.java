package io.tributary.orchestrator.run;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tributary.contract.Topics;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.json.Json;
import io.tributary.contract.run.RunChange;
import io.tributary.contract.run.StateType;
import io.tributary.contract.task.TaskInput;
import io.tributary.contract.task.TaskMessage;
import io.tributary.contract.task.TaskUpdate;
import io.tributary.orchestrator.flow.Flow;
import io.tributary.orchestrator.flow.FlowRepository;
import io.tributary.orchestrator.outbox.OutboxMessage;
import io.tributary.orchestrator.trigger.TriggerMatcher;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The run state machine. Every transition is stored in the run's history and, in the same transaction, queued in
 * the outbox for {@code tributary.runs}; a dispatch queues its task message the same way.
 */
@ApplicationScoped
public class RunService {
    private static final TypeReference<Map<String, Object>> PARAMETERS = new TypeReference<>() {};

    private final FlowRepository flows;
    private final RunRepository runs;

    public RunService(FlowRepository flows, RunRepository runs) {
        this.flows = flows;
        this.runs = runs;
    }

    /**
     * Starts one run per flow whose trigger the event matches, unless that flow already has a run for this event
     * (a redelivery): the unique (flow, event) constraint backs this check against concurrent consumers.
     */
    @WithTransaction
    public Uni<List<FlowRun>> startRuns(NormalizedEvent event) {
        return flows.triggeredByType(event.type())
                .onItem()
                .transformToMulti(list -> Multi.createFrom().iterable(list))
                .filter(flow -> TriggerMatcher.matches(flow, event))
                .onItem()
                .transformToUniAndConcatenate(flow -> runs.findByFlowAndEvent(flow.id, event.id())
                        .flatMap(existing -> existing != null ? Uni.createFrom().nullItem() : start(flow, event)))
                .filter(run -> run != null)
                .collect()
                .asList();
    }

    private Uni<FlowRun> start(Flow flow, NormalizedEvent event) {
        Instant now = Instant.now();
        FlowRun run = new FlowRun();
        run.id = UUID.randomUUID();
        run.flowId = flow.id;
        run.eventId = event.id();
        run.seriesKey = event.seriesKey();
        run.triggerEvent = Json.write(event);
        run.createdAt = now;
        TaskRun task = new TaskRun();
        task.id = UUID.randomUUID();
        task.flowRunId = run.id;
        task.taskType = flow.taskType;
        task.attempt = 1;
        task.deadline = now.plusMillis(flow.taskTimeoutMs);
        task.createdAt = now;
        TaskMessage message = new TaskMessage(
                task.id,
                run.id,
                flow.taskType,
                Json.read(flow.taskParameters, PARAMETERS),
                new TaskInput(run.seriesKey, List.of(event)),
                task.attempt,
                task.deadline,
                flow.resultTopic);
        // History rows reference their run, so each run row is flushed before its first state is recorded.
        setState(run, StateType.SCHEDULED, null);
        return run.persistAndFlush()
                .flatMap(ignored ->
                        record(run, null, run.stateType, run.stateName, "triggered by event " + event.id(), now))
                .flatMap(ignored -> transition(run, StateType.PENDING, null, null))
                .flatMap(ignored -> {
                    setState(task, StateType.PENDING, null);
                    return task.persistAndFlush();
                })
                .flatMap(ignored -> record(run, task.id, task.stateType, task.stateName, null, task.updatedAt))
                .flatMap(ignored -> OutboxMessage.of(Topics.TASKS, run.seriesKey, Json.write(message))
                        .persist())
                .replaceWith(run);
    }

    /**
     * Applies an executor's report. Reports are idempotent: one for another attempt, or for a task run already in a
     * final state (a redelivery, or a late report after a timeout), changes nothing.
     */
    @WithTransaction
    public Uni<Void> apply(TaskUpdate update) {
        return TaskRun.<TaskRun>findById(update.taskRunId()).flatMap(task -> {
            if (task == null || task.attempt != update.attempt() || task.stateType.isFinal()) {
                Log.debugf("Ignoring update %s for task run %s", update.status(), update.taskRunId());
                return Uni.createFrom().voidItem();
            }
            return runs.findById(task.flowRunId).flatMap(run -> switch (update.status()) {
                case RUNNING ->
                    task.stateType == StateType.RUNNING
                            ? Uni.createFrom().voidItem()
                            : transition(run, task, StateType.RUNNING, null, null)
                                    .flatMap(ignored -> run.stateType == StateType.RUNNING
                                            ? Uni.createFrom().voidItem()
                                            : transition(run, StateType.RUNNING, null, null));
                case COMPLETED -> {
                    task.result = Json.write(update.result());
                    run.result = task.result;
                    yield transition(run, task, StateType.COMPLETED, null, null)
                            .flatMap(ignored -> transition(run, StateType.COMPLETED, null, null));
                }
                case FAILED -> {
                    task.error = update.error();
                    yield transition(run, task, StateType.FAILED, null, update.error())
                            .flatMap(ignored -> transition(run, StateType.FAILED, null, update.error()));
                }
            });
        });
    }

    /** Fails task runs (and their flow runs) whose executor did not report a result before the deadline. */
    @WithTransaction
    public Uni<Integer> timeOutOverdueTasks(Instant now) {
        return TaskRun.<TaskRun>list(
                        "stateType in ?1 and deadline < ?2", List.of(StateType.PENDING, StateType.RUNNING), now)
                .onItem()
                .transformToMulti(list -> Multi.createFrom().iterable(list))
                .onItem()
                .transformToUniAndConcatenate(task -> {
                    String message = "no result before the deadline " + task.deadline;
                    task.error = message;
                    return runs.findById(task.flowRunId)
                            .flatMap(run -> transition(run, task, StateType.FAILED, StateNames.TIMED_OUT, message)
                                    .flatMap(ignored ->
                                            transition(run, StateType.FAILED, StateNames.TIMED_OUT, message)));
                })
                .collect()
                .asList()
                .map(List::size);
    }

    private Uni<Void> transition(FlowRun run, StateType type, String name, String message) {
        setState(run, type, name);
        return record(run, null, run.stateType, run.stateName, message, run.updatedAt);
    }

    private Uni<Void> transition(FlowRun run, TaskRun task, StateType type, String name, String message) {
        setState(task, type, name);
        return record(run, task.id, task.stateType, task.stateName, message, task.updatedAt);
    }

    private static void setState(FlowRun run, StateType type, String name) {
        run.stateType = type;
        run.stateName = name != null ? name : StateNames.of(type);
        run.updatedAt = Instant.now();
    }

    private static void setState(TaskRun task, StateType type, String name) {
        task.stateType = type;
        task.stateName = name != null ? name : StateNames.of(type);
        task.updatedAt = Instant.now();
    }

    private Uni<Void> record(FlowRun run, UUID taskRunId, StateType type, String name, String message, Instant at) {
        RunState state = new RunState();
        state.flowRunId = run.id;
        state.taskRunId = taskRunId;
        state.stateType = type;
        state.stateName = name;
        state.message = message;
        state.occurredAt = at;
        RunChange change = new RunChange(run.id, run.flowId, taskRunId, type, name, message, at);
        return state.persist()
                .flatMap(ignored -> OutboxMessage.of(Topics.RUNS, run.id.toString(), Json.write(change))
                        .persist())
                .replaceWithVoid();
    }
}
