package io.tributary.orchestrator.engine;

import io.tributary.contract.Topics;
import io.tributary.contract.event.EventData;
import io.tributary.contract.event.EventTypes;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.json.Json;
import io.tributary.contract.task.TaskMessage;
import io.tributary.contract.task.TaskStatus;
import io.tributary.contract.task.TaskUpdate;
import io.tributary.orchestrator.flow.ConcurrencyLimit;
import io.tributary.orchestrator.flow.FlowDefinition;
import io.tributary.orchestrator.flow.FlowSpec;
import io.tributary.orchestrator.flow.RetryPolicy;
import io.tributary.orchestrator.flow.TaskSpec;
import io.tributary.orchestrator.lifecycle.StateName;
import io.tributary.orchestrator.outbox.OutboxMessage;
import io.tributary.orchestrator.run.TaskRun;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * A run in memory, driven through the deciders and {@link RunWriter} exactly as {@link RunEngine} drives them,
 * without a database: what the plain JUnit tests of the engine's decisions use.
 */
final class Runs {
    static final EngineTimes TIMES =
            new EngineTimes(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(10));
    static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

    final RunGraph graph;
    final Writes writes = new Writes();
    final List<TaskMessage> dispatched = new ArrayList<>();
    final RandomGenerator random = new SplittableRandom(7);
    Instant now = T0;

    private Runs(RunGraph graph) {
        this.graph = graph;
    }

    static TaskSpec task(String name, String... dependsOn) {
        return new TaskSpec(name, "window-stats", Map.of("metric", "t"), List.of(dependsOn), 10L, null);
    }

    static TaskSpec task(String name, RetryPolicy retries) {
        return new TaskSpec(name, "window-stats", Map.of("metric", "t"), List.of(), 10L, retries);
    }

    static Runs started(Long flowTimeout, TaskSpec... tasks) {
        return started(flowTimeout, null, List.of(), tasks);
    }

    /** A run of a flow whose runs are marked Late when not started within {@code startWithinSeconds}. */
    static Runs startedWithin(long startWithinSeconds, TaskSpec... tasks) {
        return started(null, startWithinSeconds, List.of(), tasks);
    }

    /** A run of a flow limited to one concurrent run, waiting for its slot as the engine starts it. */
    static Runs waitingForSlot(long startWithinSeconds, TaskSpec... tasks) {
        return started(null, startWithinSeconds, SlotDecider.waitForSlot(ONE_SLOT, T0), tasks);
    }

    static final SortedMap<String, ConcurrencyLimit> ONE_SLOT =
            new TreeMap<>(Map.of("flow:f", new ConcurrencyLimit(1, null)));

    private static Runs started(Long flowTimeout, Long startWithin, List<Change> waiting, TaskSpec... tasks) {
        FlowSpec spec = new FlowSpec("f", null, null, null, null, List.of(tasks), flowTimeout, startWithin, null, null);
        FlowDefinition flow = FlowDefinition.of(UUID.randomUUID(), 1, spec, T0, List.of());
        NormalizedEvent event = new NormalizedEvent(
                "e-1",
                URI.create("/iot/x"),
                EventTypes.MEASUREMENT,
                "dev-1",
                OffsetDateTime.ofInstant(T0, ZoneOffset.UTC),
                new EventData(Map.of("t", 1.0), Map.of(), null));
        Runs runs = new Runs(RunGraph.create(flow, event, "event", "{}", T0));
        List<Change> decision = new ArrayList<>();
        decision.add(new Change.Move(null, StateName.SCHEDULED, "triggered"));
        decision.addAll(waiting);
        runs.settle(decision);
        return runs;
    }

    /** Applies a decision and lets the DAG advance, as the engine does. */
    Runs settle(List<Change> decision) {
        RunWriter writer = new RunWriter(TIMES, writes, now);
        int before = writes.outbox.size();
        writer.apply(graph, decision);
        for (List<Change> next = DagDecider.advance(graph); !next.isEmpty(); next = DagDecider.advance(graph)) {
            writer.apply(graph, next);
        }
        writer.schedule(graph);
        for (OutboxMessage message : writes.outbox.subList(before, writes.outbox.size())) {
            if (message.topic().equals(Topics.TASKS)) {
                dispatched.add(Json.read(message.payload(), TaskMessage.class));
            }
        }
        return this;
    }

    Runs report(String task, TaskStatus status) {
        TaskRun run = graph.task(task);
        TaskUpdate update = new TaskUpdate(run.id, graph.run().id, run.attempt, status, null, status.name(), now);
        if (status == TaskStatus.COMPLETED) {
            update = new TaskUpdate(
                    run.id,
                    graph.run().id,
                    run.attempt,
                    status,
                    Json.MAPPER.valueToTree(Map.of("of", task)),
                    null,
                    now);
        }
        return settle(UpdateDecider.decide(graph, update, now, random));
    }

    Runs at(Instant instant) {
        now = instant;
        return this;
    }

    Runs wakeAt(Instant instant) {
        now = instant;
        return settle(WakeDecider.wake(graph, now, TIMES, random));
    }

    StateName run() {
        return graph.run().state.name;
    }

    StateName task(String name) {
        return graph.task(name).state.name;
    }

    /** Every state the run and its task runs went through, as "run:Label" / "name:Label", in order. */
    List<String> history() {
        return writes.history.stream()
                .map(h -> (h.taskRunId == null ? "run" : graphTaskName(h.taskRunId)) + ":" + h.state.name.label())
                .toList();
    }

    private String graphTaskName(UUID id) {
        return graph.task(id).taskName;
    }
}
