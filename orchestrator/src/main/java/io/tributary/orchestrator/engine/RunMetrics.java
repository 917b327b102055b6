package io.tributary.orchestrator.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tributary.orchestrator.flow.FlowDeleted;
import io.tributary.orchestrator.lifecycle.StateName;
import io.tributary.orchestrator.run.FlowRun;
import io.tributary.orchestrator.trigger.TriggerMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts what the engine committed, after the commit (a transaction that rolled back counts nothing): runs started
 * by trigger kind, every move of a flow run by state and flow, every move of a task run by state and task type, and
 * how long each task run that ended ran (from its start to its final state) by task type. A deleted flow's series
 * are removed, so that deleted flows do not keep series until a restart (a run of it still going brings its series
 * back until it ends).
 */
@ApplicationScoped
public class RunMetrics {
    public static final String RUN_TRANSITIONS = "tributary.runs.transitions";
    public static final String TASK_TRANSITIONS = "tributary.task.runs.transitions";
    public static final String TASK_DURATION = "tributary.task.run.duration";

    private final MeterRegistry registry;
    private final TriggerMetrics triggers;
    private final Map<CounterKey, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> durations = new ConcurrentHashMap<>();

    /**
     * One move of a run or task run.
     *
     * @param taskType null for a move of the flow run
     * @param ranFor how long a task run that ended ran; null for any other move, or one that never started
     */
    record Moved(String flow, String taskType, StateName state, Duration ranFor) {
        static Moved ofRun(String flow, StateName state) {
            return new Moved(flow, null, state, null);
        }

        static Moved ofTask(String taskType, StateName state, Instant startedAt, Instant now) {
            Duration ranFor = state.isFinal() && startedAt != null && !now.isBefore(startedAt)
                    ? Duration.between(startedAt, now)
                    : null;
            return new Moved(null, taskType, state, ranFor);
        }
    }

    private record CounterKey(String name, String value, StateName state) {}

    public RunMetrics(MeterRegistry registry, TriggerMetrics triggers) {
        this.registry = registry;
        this.triggers = triggers;
    }

    void committed(Writes writes) {
        for (FlowRun run : writes.runs) {
            triggers.fired(run.triggerKind);
        }
        for (Moved moved : writes.moves) {
            if (moved.taskType() == null) {
                counter(RUN_TRANSITIONS, "flow", String.valueOf(moved.flow()), moved.state())
                        .increment();
            } else {
                counter(TASK_TRANSITIONS, "type", moved.taskType(), moved.state())
                        .increment();
                if (moved.ranFor() != null) {
                    duration(moved.taskType(), moved.state()).record(moved.ranFor());
                }
            }
        }
    }

    /** Drops the deleted flow's series of {@link #RUN_TRANSITIONS}, here and in the registry. */
    void deleted(@Observes FlowDeleted flow) {
        counters.keySet()
                .removeIf(
                        key -> key.name().equals(RUN_TRANSITIONS) && key.value().equals(flow.name()));
        for (Meter meter :
                registry.find(RUN_TRANSITIONS).tag("flow", flow.name()).meters()) {
            registry.remove(meter);
        }
    }

    private Counter counter(String name, String tag, String value, StateName state) {
        return counters.computeIfAbsent(
                new CounterKey(name, value, state),
                key -> Counter.builder(name)
                        .description(
                                name.equals(RUN_TRANSITIONS)
                                        ? "Flow runs that moved to a state"
                                        : "Task runs that moved to a state")
                        .tag(tag, value)
                        .tag("state", state.label())
                        .register(registry));
    }

    private Timer duration(String type, StateName state) {
        return durations.computeIfAbsent(
                type + '|' + state,
                key -> Timer.builder(TASK_DURATION)
                        .description("How long a task run ran, from its start to its final state")
                        .tag("type", type)
                        .tag("state", state.label())
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(1))
                        .maximumExpectedValue(Duration.ofHours(1))
                        .register(registry));
    }
}
