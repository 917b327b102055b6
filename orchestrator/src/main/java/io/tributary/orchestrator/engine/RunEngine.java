package io.tributary.orchestrator.engine;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.json.Json;
import io.tributary.contract.task.TaskUpdate;
import io.tributary.orchestrator.OrchestratorConfig;
import io.tributary.orchestrator.flow.FlowCatalog;
import io.tributary.orchestrator.flow.FlowDefinition;
import io.tributary.orchestrator.flow.TaskSpec;
import io.tributary.orchestrator.lifecycle.IllegalTransitionException;
import io.tributary.orchestrator.lifecycle.StateName;
import io.tributary.orchestrator.outbox.OutboxRelay;
import io.tributary.orchestrator.problem.NotFoundProblem;
import io.tributary.orchestrator.run.FlowRun;
import io.tributary.orchestrator.run.TaskRun;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * The one place that changes runs: loads the runs an input concerns (locked, in id order, so that concurrent
 * transactions never deadlock), asks the deciders, applies their decisions with {@link RunWriter}, and stores it
 * all — rows, history and outbox — in one transaction per batch of inputs. Then nudges the outbox relay.
 */
@ApplicationScoped
public class RunEngine {
    /** A DAG step moves at least one task run forward; more steps than states × tasks would be a decider loop. */
    private static final int MAX_STEPS_PER_TASK = 8;

    private final FlowCatalog catalog;
    private final RunStore store;
    private final OutboxRelay relay;
    private final WakeSweeper sweeper;
    private final EngineTimes times;

    public RunEngine(
            FlowCatalog catalog, RunStore store, OutboxRelay relay, WakeSweeper sweeper, OrchestratorConfig config) {
        this.catalog = catalog;
        this.store = store;
        this.relay = relay;
        this.sweeper = sweeper;
        this.times = config.times();
    }

    /**
     * Starts one run per (flow, event) for every flow an event triggers, unless that run exists (a redelivery):
     * the unique (flow, event) constraint backs the check against a concurrent replica. Events that trigger
     * nothing cost no transaction.
     *
     * @return how many runs were started
     */
    public Uni<Integer> start(List<NormalizedEvent> events) {
        return Panache.withSession(() -> catalog.snapshot().flatMap(flows -> {
                    List<Candidate> candidates = new ArrayList<>();
                    for (NormalizedEvent event : events) {
                        flows.triggeredBy(event).forEach(flow -> candidates.add(new Candidate(flow, event)));
                    }
                    if (candidates.isEmpty()) {
                        return Uni.createFrom().<Writes>nullItem();
                    }
                    return Panache.withTransaction(() -> store.existing(
                                    candidates.stream().map(c -> c.flow().id()).toList(),
                                    candidates.stream().map(c -> c.event().id()).toList())
                            .flatMap(existing -> {
                                Instant now = Instant.now();
                                Writes writes = new Writes();
                                RunWriter writer = new RunWriter(times, writes, now);
                                Set<String> started = new HashSet<>(existing);
                                for (Candidate candidate : candidates) {
                                    if (started.add(candidate.key())) {
                                        RunGraph graph = newRun(candidate, now);
                                        boolean settled = settle(
                                                writer,
                                                graph,
                                                List.of(new Change.Move(
                                                        null,
                                                        StateName.SCHEDULED,
                                                        "triggered by event "
                                                                + candidate
                                                                        .event()
                                                                        .id())));
                                        if (settled) {
                                            writes.runs.add(graph.run());
                                            writes.wake(graph.run().wakeAt);
                                            writes.tasks.addAll(graph.tasks());
                                        }
                                    }
                                }
                                return store.persist(writes).replaceWith(writes);
                            }));
                }))
                .invoke(this::committed)
                .map(writes -> writes == null ? 0 : writes.runs.size());
    }

    /**
     * Applies executors' reports, in their order; reports for unknown runs are dropped.
     *
     * @return how many runs the reports concern
     */
    public Uni<Integer> apply(List<TaskUpdate> updates) {
        Set<UUID> ids = new HashSet<>();
        updates.forEach(u -> ids.add(u.flowRunId()));
        return inTransaction(flows -> store.lock(ids).flatMap(runs -> graphs(runs, flows)), (graphs, writer, now) -> {
                    for (TaskUpdate update : updates) {
                        RunGraph graph = graphs.get(update.flowRunId());
                        if (graph != null) {
                            settle(
                                    writer,
                                    graph,
                                    UpdateDecider.decide(graph, update, now, ThreadLocalRandom.current()));
                        }
                    }
                })
                .invoke(this::nudge);
    }

    /**
     * Fires the timers due by now of at most {@code limit} runs. Runs are claimed with {@code SKIP LOCKED}: a run
     * another replica (or a consumer) holds is left for the next sweep, and each timer fires once.
     *
     * @return how many runs were woken
     */
    public Uni<Integer> wake(int limit) {
        return inTransaction(
                        flows -> store.claimDue(Instant.now(), limit).flatMap(runs -> graphs(runs, flows)),
                        (graphs, writer, now) -> graphs.values()
                                .forEach(graph -> settle(
                                        writer,
                                        graph,
                                        WakeDecider.wake(graph, now, times, ThreadLocalRandom.current()))));
    }

    /** {@code POST /runs/{id}/cancel}. */
    public Uni<UUID> cancel(UUID runId) {
        return command(runId, graph -> CancelDecider.cancel(graph, "cancelled by request"));
    }

    /** {@code POST /runs/{id}/retry}. */
    public Uni<UUID> rerun(UUID runId) {
        return command(runId, RerunDecider::rerun);
    }

    private Uni<UUID> command(UUID runId, Function<RunGraph, List<Change>> decider) {
        return inTransaction(
                        flows -> store.lock(Set.of(runId)).flatMap(runs -> graphs(runs, flows)),
                        (graphs, writer, now) -> {
                            RunGraph graph = graphs.get(runId);
                            if (graph == null) {
                                throw new NotFoundProblem("No flow run with id " + runId + ".");
                            }
                            List<Change> decision = decider.apply(graph);
                            writer.apply(graph, decision);
                            advance(writer, graph);
                        })
                .replaceWith(runId);
    }

    private interface Step {
        void decide(Map<UUID, RunGraph> graphs, RunWriter writer, Instant now);
    }

    private Uni<Integer> inTransaction(Function<FlowCatalog.Snapshot, Uni<Map<UUID, RunGraph>>> load, Step step) {
        return Panache.withTransaction(() -> catalog.snapshot()
                .flatMap(flows -> load.apply(flows))
                .flatMap(graphs -> {
                    if (graphs.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    Instant now = Instant.now();
                    Writes writes = new Writes();
                    RunWriter writer = new RunWriter(times, writes, now);
                    step.decide(graphs, writer, now);
                    graphs.values().forEach(writer::schedule);
                    return store.persist(writes).replaceWith(graphs.size());
                }));
    }

    private Uni<Map<UUID, RunGraph>> graphs(List<FlowRun> runs, FlowCatalog.Snapshot flows) {
        for (FlowRun run : runs) {
            if (flows.find(run.flowId) == null) {
                // Registered through another replica since the last refresh: reload, then try again.
                catalog.invalidate();
                return Uni.createFrom().failure(new IllegalStateException("flow " + run.flowId + " not loaded yet"));
            }
        }
        return store.tasksOf(runs).map(tasks -> {
            Map<UUID, RunGraph> graphs = new LinkedHashMap<>();
            for (FlowRun run : runs) {
                graphs.put(
                        run.id, new RunGraph(run, flows.find(run.flowId), tasks.getOrDefault(run.id, List.of()), null));
            }
            return graphs;
        });
    }

    /**
     * Applies one input's decision, then lets the DAG move on. An illegal move is a decider's defect: it is
     * refused (and counted by the lifecycle), the input dropped, and the batch goes on.
     */
    private static boolean settle(RunWriter writer, RunGraph graph, List<Change> decision) {
        try {
            writer.apply(graph, decision);
            advance(writer, graph);
            return true;
        } catch (IllegalTransitionException e) {
            Log.warn(e.getMessage());
            return false;
        }
    }

    private static void advance(RunWriter writer, RunGraph graph) {
        int limit = MAX_STEPS_PER_TASK * (graph.tasks().size() + 1);
        for (int step = 0; step < limit; step++) {
            List<Change> next = DagDecider.advance(graph);
            if (next.isEmpty()) {
                writer.schedule(graph);
                return;
            }
            writer.apply(graph, next);
        }
        throw new IllegalStateException("run " + graph.run().id + " did not settle in " + limit + " steps");
    }

    private static RunGraph newRun(Candidate candidate, Instant now) {
        FlowRun run = new FlowRun();
        run.id = UUID.randomUUID();
        run.flowId = candidate.flow().id();
        run.eventId = candidate.event().id();
        run.seriesKey = candidate.event().seriesKey();
        run.triggerEvent = Json.write(candidate.event());
        run.createdAt = now;
        List<TaskRun> tasks = new ArrayList<>();
        for (TaskSpec spec : candidate.flow().tasks()) {
            TaskRun task = new TaskRun();
            task.id = UUID.randomUUID();
            task.flowRunId = run.id;
            task.taskName = spec.name();
            task.taskType = spec.type();
            task.createdAt = now;
            tasks.add(task);
        }
        return new RunGraph(run, candidate.flow(), tasks, candidate.event());
    }

    /** After the commit: publish what it exported, and arm the earliest timer it set. */
    private void committed(Writes writes) {
        if (writes == null) {
            return;
        }
        if (writes.publishes()) {
            relay.nudge();
        }
        if (writes.earliestWake != null) {
            sweeper.expect(writes.earliestWake);
        }
    }

    private record Candidate(FlowDefinition flow, NormalizedEvent event) {
        String key() {
            return flow.id() + "|" + event.id();
        }
    }
}
