package io.tributary.orchestrator.trigger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.orchestrator.flow.FlowCatalog;
import io.tributary.orchestrator.flow.FlowDefinition;
import io.tributary.orchestrator.trigger.manual.ManualRuns;
import io.tributary.orchestrator.trigger.schedule.ScheduleTrigger;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code tributary.trigger.evaluations} by {@code kind}: how often a trigger was asked whether an input fires it.
 * Every trigger that reads events (all kinds but schedules) is asked about every event of a batch the consumer
 * committed, so a batch counts its events times the catalogue's triggers of each kind; a schedule is asked when the
 * sweep claims it due. Firings (runs started) are counted where runs are stored, by the run's trigger kind.
 */
@ApplicationScoped
public class TriggerMetrics {
    public static final String EVALUATIONS = "tributary.trigger.evaluations";
    public static final String FIRINGS = "tributary.trigger.firings";
    public static final String KIND = "kind";

    private final MeterRegistry registry;
    private final Map<String, Counter> evaluations = new ConcurrentHashMap<>();
    private final Map<String, Counter> firings = new ConcurrentHashMap<>();
    /** The event-reading triggers of the last snapshot seen, by kind: a snapshot changes when a flow does. */
    private volatile Counted counted = new Counted(null, Map.of());

    private record Counted(FlowCatalog.Snapshot snapshot, Map<String, Integer> byKind) {}

    public TriggerMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Registered up front, so that a kind's rate reads 0 before it first fires rather than being absent.
        for (String kind : TriggerKinds.names()) {
            if (!kind.equals(ManualRuns.KIND)) {
                evaluations(kind);
            }
            firing(kind);
        }
    }

    /** A batch of {@code events} events was evaluated against the snapshot's triggers, and committed. */
    public void eventsEvaluated(FlowCatalog.Snapshot flows, int events) {
        triggersByKind(flows).forEach((kind, triggers) -> evaluations(kind).increment((double) triggers * events));
    }

    /** The schedule sweep claimed this many due schedules. */
    public void schedulesEvaluated(int schedules) {
        evaluations(ScheduleTrigger.KIND).increment(schedules);
    }

    /** A run was stored, started by a trigger of this kind ({@code manual} for a request). */
    public void fired(String kind) {
        firing(kind).increment();
    }

    private Map<String, Integer> triggersByKind(FlowCatalog.Snapshot flows) {
        Counted last = counted;
        if (last.snapshot() == flows) {
            return last.byKind();
        }
        Map<String, Integer> byKind = new TreeMap<>();
        for (FlowDefinition flow : flows.flows()) {
            for (TriggerSpec spec : flow.spec().triggersOrEmpty()) {
                String kind = TriggerKinds.nameOf(spec);
                if (!kind.equals(ScheduleTrigger.KIND)) {
                    byKind.merge(kind, 1, Integer::sum);
                }
            }
        }
        counted = new Counted(flows, byKind);
        return byKind;
    }

    private Counter evaluations(String kind) {
        return evaluations.computeIfAbsent(
                kind,
                k -> Counter.builder(EVALUATIONS)
                        .description("Inputs (events, due schedules) a trigger was asked about")
                        .tag(KIND, k)
                        .register(registry));
    }

    private Counter firing(String kind) {
        return firings.computeIfAbsent(
                kind,
                k -> Counter.builder(FIRINGS)
                        .description("Runs triggers started")
                        .tag(KIND, k)
                        .register(registry));
    }
}
