package io.tributary.orchestrator.engine;

import io.opentelemetry.context.Context;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.task.TaskUpdate;
import io.tributary.contract.trace.LogFields;
import io.tributary.contract.trace.TraceHeaders;
import io.tributary.orchestrator.OrchestratorConfig;
import io.tributary.orchestrator.concurrency.SlotStore;
import io.tributary.orchestrator.flow.ConcurrencyLimit;
import io.tributary.orchestrator.flow.FlowCatalog;
import io.tributary.orchestrator.flow.FlowDefinition;
import io.tributary.orchestrator.lifecycle.IllegalTransitionException;
import io.tributary.orchestrator.lifecycle.StateName;
import io.tributary.orchestrator.outbox.OutboxRelay;
import io.tributary.orchestrator.problem.NotFoundProblem;
import io.tributary.orchestrator.run.FlowRun;
import io.tributary.orchestrator.trigger.EventFacts;
import io.tributary.orchestrator.trigger.event.EventTrigger;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The one place that changes runs: loads the runs an input concerns (locked, in id order, so that concurrent
 * transactions never deadlock), asks the deciders, applies their decisions with {@link RunWriter}, gives back the
 * concurrency slots of the runs that ended, and stores it all — rows, history and outbox — in one transaction per
 * batch of inputs. After the commit it nudges the outbox relay and arms the earliest timer it set.
 */
@ApplicationScoped
public class RunEngine {
    /** A DAG step moves at least one task run forward; more steps than this per task would be a decider loop. */
    private static final int MAX_STEPS_PER_TASK = 8;

    private final FlowCatalog catalog;
    private final Pool pool;
    private final RunStore store;
    private final SlotStore slots;
    private final OutboxRelay relay;
    private final WakeSweeper sweeper;
    private final UpdateAssignments assignments;
    private final ReportWatermark reports;
    private final EngineTimes configured;
    private final RunSpans spans;
    private final RunMetrics metrics;

    public RunEngine(
            FlowCatalog catalog,
            Pool pool,
            RunStore store,
            SlotStore slots,
            OutboxRelay relay,
            WakeSweeper sweeper,
            @Identifier(UpdateAssignments.NAME) UpdateAssignments assignments,
            ReportWatermark reports,
            OrchestratorConfig config,
            RunSpans spans,
            RunMetrics metrics) {
        this.spans = spans;
        this.catalog = catalog;
        this.pool = pool;
        this.store = store;
        this.slots = slots;
        this.relay = relay;
        this.sweeper = sweeper;
        this.assignments = assignments;
        this.reports = reports;
        this.configured = config.times();
        this.metrics = metrics;
    }

    private EngineTimes times() {
        return configured.judgingCrashes(assignments.crashesJudgedFrom(), reports.lag(Instant.now()));
    }

    /**
     * Starts one run per (flow, event) for every flow an event triggers, unless that run exists (a redelivery):
     * the unique (flow, event) constraint backs the check against a concurrent replica. Events that trigger
     * nothing cost no transaction.
     *
     * @param traceparents by event id, the trace context each event was handled in: a run continues its event's
     *     trace
     * @return how many runs were started
     */
    public Uni<Integer> start(List<NormalizedEvent> events, Map<String, String> traceparents) {
        return catalog.snapshot()
                .flatMap(flows -> {
                    List<RunRequest> requests = new ArrayList<>();
                    for (NormalizedEvent event : events) {
                        flows.triggeredBy(new EventFacts(event))
                                .forEach(flow -> requests.add(new RunRequest(
                                        flow,
                                        event,
                                        EventTrigger.KIND,
                                        flow.defaultParameters(),
                                        traceparents.get(event.id()))));
                    }
                    if (requests.isEmpty()) {
                        return Uni.createFrom().<Writes>nullItem();
                    }
                    return pool.withTransaction(connection -> startIn(connection, requests, flows));
                })
                .invoke(this::committed)
                .map(writes -> writes == null ? 0 : writes.runs.size());
    }

    /**
     * Starts the runs a trigger's claim yields, in the claim's transaction: the trigger state the claim moves (a
     * schedule's next fire time, say) commits with the runs it fired, or neither does. Each run is still once per
     * (flow, event).
     *
     * @return how many runs were started
     */
    public Uni<Integer> startClaimed(BiFunction<SqlConnection, FlowCatalog.Snapshot, Uni<List<RunRequest>>> claim) {
        return catalog.snapshot()
                .flatMap(flows -> pool.withTransaction(connection -> claim.apply(connection, flows)
                        .flatMap(requests -> requests.isEmpty()
                                ? Uni.createFrom().<Writes>nullItem()
                                : startIn(connection, requests, flows))))
                .invoke(this::committed)
                .map(writes -> writes == null ? 0 : writes.runs.size());
    }

    private Uni<Writes> startIn(SqlConnection connection, List<RunRequest> requests, FlowCatalog.Snapshot flows) {
        return store.existing(
                        connection,
                        requests.stream().map(r -> r.flow().id()).toList(),
                        requests.stream().map(r -> r.event().id()).toList())
                .flatMap(existing -> store.persist(connection, started(requests, existing, flows), List.of()));
    }

    private Writes started(List<RunRequest> candidates, Set<String> existing, FlowCatalog.Snapshot flows) {
        Instant now = Instant.now();
        Writes writes = new Writes();
        RunWriter writer = new RunWriter(times(), writes, now);
        Set<String> started = new HashSet<>(existing);
        int arrival = 0;
        for (RunRequest candidate : candidates) {
            if (!started.add(candidate.key())) {
                continue;
            }
            // A microsecond apart (PostgreSQL's resolution): runs queue for concurrency slots in arrival order.
            RunGraph graph = RunGraph.create(
                    candidate.flow(),
                    candidate.event(),
                    candidate.triggerKind(),
                    candidate.parameters(),
                    now.plusNanos(1000L * arrival++));
            graph.run().traceparent = spans.started(graph.run(), candidate);
            List<Change> decision = new ArrayList<>();
            decision.add(new Change.Move(
                    null,
                    StateName.SCHEDULED,
                    "triggered by event " + candidate.event().id()));
            SortedMap<String, ConcurrencyLimit> limits = flows.limitsOf(candidate.flow());
            if (!limits.isEmpty()) {
                decision.addAll(SlotDecider.waitForSlot(limits, now));
            }
            if (settle(writer, graph, decision)) {
                logStarted(graph.run(), candidate);
                writes.runs.add(graph.run());
                writes.tasks.addAll(graph.tasks());
                writes.wake(graph.run().wakeAt);
            }
        }
        return writes;
    }

    private static void logStarted(FlowRun run, RunRequest request) {
        if (Log.isDebugEnabled()) {
            try (LogFields fields = LogFields.ofTraceparent(run.traceparent)
                    .runId(run.id)
                    .eventId(request.event().id())) {
                Log.debugf(
                        "Run %s of flow %s started by its %s trigger (event %s)",
                        run.id,
                        request.flow().spec().name(),
                        request.triggerKind(),
                        request.event().id());
            }
        }
    }

    /**
     * Applies executors' reports, in their order; reports for unknown runs are dropped.
     *
     * @return how many runs the reports concern
     */
    public Uni<Integer> apply(List<TaskUpdate> updates) {
        Set<UUID> ids = new HashSet<>();
        updates.forEach(u -> ids.add(u.flowRunId()));
        return inTransaction(
                (connection, flows) -> store.lock(connection, ids).flatMap(runs -> graphs(connection, runs, flows)),
                batch -> {
                    for (TaskUpdate update : updates) {
                        RunGraph graph = batch.graphs.get(update.flowRunId());
                        if (graph != null) {
                            settle(
                                    batch.writer,
                                    graph,
                                    UpdateDecider.decide(graph, update, batch.now, ThreadLocalRandom.current()));
                        }
                    }
                    return Uni.createFrom().voidItem();
                });
    }

    /**
     * Fires the timers due by now of at most {@code limit} runs, and admits (or turns away) runs waiting for a
     * concurrency slot, oldest first. Runs are claimed with {@code SKIP LOCKED}: a run another replica (or a
     * consumer) holds is left for the next sweep, and each timer fires once.
     *
     * @return how many runs were woken
     */
    public Uni<Integer> wake(int limit) {
        return inTransaction(
                (connection, flows) -> store.claimDue(connection, Instant.now(), limit)
                        .flatMap(runs -> graphs(connection, runs, flows)),
                batch -> slots.lockAll(
                                batch.connection,
                                batch.graphs.values().stream()
                                        .flatMap(g -> batch.flows.limitsOf(g.flow()).keySet().stream())
                                        .toList())
                        .flatMap(locked -> Multi.createFrom()
                                .iterable(batch.graphs.values().stream()
                                        .sorted(Comparator.comparing((RunGraph g) -> g.run().createdAt))
                                        .toList())
                                .onItem()
                                .transformToUniAndConcatenate(graph -> wake(batch, graph))
                                .collect()
                                .asList()
                                .replaceWithVoid()));
    }

    private Uni<Void> wake(Batch batch, RunGraph graph) {
        FlowRun run = graph.run();
        if (run.state.name != StateName.AWAITING_CONCURRENCY_SLOT) {
            settle(
                    batch.writer,
                    graph,
                    WakeDecider.wake(graph, batch.now, batch.writer.times(), ThreadLocalRandom.current()));
            return Uni.createFrom().voidItem();
        }
        SortedMap<String, ConcurrencyLimit> limits = batch.flows.limitsOf(graph.flow());
        return slots.admit(batch.connection, run.id, run.createdAt, limits, batch.flows.flows(), batch.now)
                .invoke(admission ->
                        settle(batch.writer, graph, SlotDecider.admission(graph, admission, limits, batch.now)))
                .replaceWithVoid();
    }

    /** {@code POST /runs/{id}/cancel}. */
    public Uni<UUID> cancel(UUID runId) {
        return command(runId, (graph, batch) -> CancelDecider.cancel(graph, "cancelled by request"));
    }

    /** {@code POST /runs/{id}/retry}; a run of a limited flow queues for its slots again. */
    public Uni<UUID> rerun(UUID runId) {
        return command(runId, (graph, batch) -> {
            List<Change> decision = new ArrayList<>(RerunDecider.rerun(graph));
            SortedMap<String, ConcurrencyLimit> limits = batch.flows.limitsOf(graph.flow());
            if (!limits.isEmpty()) {
                decision.addAll(SlotDecider.waitForSlot(limits, batch.now));
            }
            return decision;
        });
    }

    private Uni<UUID> command(UUID runId, BiFunction<RunGraph, Batch, List<Change>> decider) {
        return inTransaction(
                        (connection, flows) ->
                                store.lock(connection, Set.of(runId)).flatMap(runs -> graphs(connection, runs, flows)),
                        batch -> {
                            RunGraph graph = batch.graphs.get(runId);
                            // Not settle(): an illegal request is the caller's to hear about.
                            batch.writer.apply(graph, decider.apply(graph, batch));
                            advance(batch.writer, graph);
                            return Uni.createFrom().voidItem();
                        })
                .map(touched -> {
                    if (touched == 0) {
                        throw new NotFoundProblem("No flow run with id " + runId + ".");
                    }
                    return runId;
                });
    }

    /** The runs one transaction decides on, and what it writes. */
    private record Batch(
            SqlConnection connection,
            Map<UUID, RunGraph> graphs,
            FlowCatalog.Snapshot flows,
            RunWriter writer,
            Instant now) {}

    private Uni<Integer> inTransaction(
            BiFunction<SqlConnection, FlowCatalog.Snapshot, Uni<Map<UUID, RunGraph>>> load,
            Function<Batch, Uni<Void>> decide) {
        return catalog.snapshot()
                .flatMap(flows -> pool.withTransaction(connection -> load.apply(connection, flows)
                        .flatMap(graphs -> {
                            if (graphs.isEmpty()) {
                                return Uni.createFrom().<Writes>nullItem();
                            }
                            Writes writes = new Writes();
                            writes.touched = graphs.size();
                            Instant now = Instant.now();
                            Batch batch =
                                    new Batch(connection, graphs, flows, new RunWriter(times(), writes, now), now);
                            return decide.apply(batch)
                                    .flatMap(ignored -> releaseSlots(batch))
                                    .flatMap(ignored -> {
                                        graphs.values().forEach(batch.writer::schedule);
                                        graphs.values().forEach(graph -> graph.putOffIfFailed(now));
                                        graphs.values().forEach(graph -> writes.wake(graph.run().wakeAt));
                                        return store.persist(connection, writes, graphs.values());
                                    });
                        })))
                .invoke(this::committed)
                .map(writes -> writes == null ? 0 : writes.touched);
    }

    /**
     * Runs that ended give back their slots, in the same transaction; the oldest parked waiters are woken for them,
     * those of this batch included (their rows are this transaction's to write).
     */
    private Uni<Void> releaseSlots(Batch batch) {
        if (!batch.flows.limitsAnything()) {
            return Uni.createFrom().voidItem();
        }
        List<UUID> ended = batch.graphs.values().stream()
                .filter(RunGraph::endedNow)
                .map(g -> g.run().id)
                .toList();
        return slots.release(batch.connection, ended, batch.flows.flows(), batch.graphs.keySet(), batch.now)
                .invoke(freed -> {
                    if (freed.isEmpty()) {
                        return;
                    }
                    for (RunGraph graph : batch.graphs.values()) {
                        FlowRun run = graph.run();
                        if (run.state.name == StateName.AWAITING_CONCURRENCY_SLOT
                                && run.admitAt == null
                                && batch.flows.limitsOf(graph.flow()).keySet().stream()
                                        .anyMatch(freed::containsKey)) {
                            run.admitAt = batch.now;
                        }
                    }
                    batch.writer.writes().wake(batch.now);
                })
                .replaceWithVoid();
    }

    private Uni<Map<UUID, RunGraph>> graphs(SqlConnection connection, List<FlowRun> runs, FlowCatalog.Snapshot flows) {
        return catalog.versions(connection, flows, runs)
                .flatMap(versions -> store.tasksOf(connection, runs).map(tasks -> {
                    Map<UUID, RunGraph> graphs = new LinkedHashMap<>();
                    for (FlowRun run : runs) {
                        FlowDefinition flow = versions.get(new FlowCatalog.VersionKey(run.flowId, run.flowVersion));
                        graphs.put(run.id, new RunGraph(run, flow, tasks.getOrDefault(run.id, List.of()), null));
                    }
                    return graphs;
                }));
    }

    /**
     * Applies one input's decision, then lets the DAG move on. A decision that fails (an illegal move, refused and
     * counted by the lifecycle; any other defect) is a decider's bug: the input is dropped with the rows it added,
     * the run's next wake is put off so that it cannot hold up the sweep, and the batch goes on.
     */
    private static boolean settle(RunWriter writer, RunGraph graph, List<Change> decision) {
        Writes.Mark mark = writer.writes().mark();
        try {
            writer.apply(graph, decision);
            advance(writer, graph);
            return true;
        } catch (RuntimeException e) {
            try (LogFields fields =
                    LogFields.ofTraceparent(graph.run().traceparent).runId(graph.run().id)) {
                if (e instanceof IllegalTransitionException) {
                    Log.warn(e.getMessage());
                } else {
                    Log.errorf(e, "Dropping a decision for run %s", graph.run().id);
                }
            }
            writer.writes().rollback(mark);
            graph.putOff();
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

    /** After the commit: publish what it exported, and arm the earliest timer it set. */
    private void committed(Writes writes) {
        if (writes == null) {
            return;
        }
        metrics.committed(writes);
        if (writes.publishes()) {
            relay.nudge();
        }
        if (writes.earliestWake != null) {
            sweeper.expect(writes.earliestWake);
        }
    }

    /**
     * Starts one run (by hand, say), unless the event (which then stands for the request, its id holding the
     * idempotency key) started one before: that run is returned instead. A concurrent twin loses on the unique
     * (flow, event) constraint and then finds it.
     *
     * @param parameters JSON object of the run's parameters, defaults included
     */
    public Uni<StartedRun> startOnce(
            FlowDefinition flow, NormalizedEvent request, String triggerKind, String parameters) {
        // Called in the request's context: a run started over HTTP continues the caller's trace.
        RunRequest candidate =
                new RunRequest(flow, request, triggerKind, parameters, TraceHeaders.traceparent(Context.current()));
        return catalog.snapshot()
                .flatMap(flows -> pool.withTransaction(connection -> store.byEvent(connection, flow.id(), request.id())
                        .flatMap(existing -> existing != null
                                ? Uni.createFrom().item(new Started(existing, null))
                                : store.persist(connection, started(List.of(candidate), Set.of(), flows), List.of())
                                        .map(writes -> new Started(writes.runs.get(0), writes)))))
                .invoke(started -> committed(started.writes()))
                .map(started -> new StartedRun(started.run(), started.writes() != null))
                .onFailure(RunStore::isUniqueViolation)
                .recoverWithUni(
                        () -> pool.withConnection(connection -> store.byEvent(connection, flow.id(), request.id()))
                                .map(existing -> new StartedRun(existing, false)));
    }

    /** @param created false when the request had started the run before */
    public record StartedRun(FlowRun run, boolean created) {}

    /** @param writes null when the run existed */
    private record Started(FlowRun run, Writes writes) {}
}
