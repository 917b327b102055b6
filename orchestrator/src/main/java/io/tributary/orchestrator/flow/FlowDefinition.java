package io.tributary.orchestrator.flow;

import io.tributary.contract.event.NormalizedEvent;
import io.tributary.orchestrator.trigger.Glob;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A flow as the engine uses it: its spec, its tasks by name, its trigger's patterns compiled once. */
public final class FlowDefinition {
    private final UUID id;
    private final FlowSpec spec;
    private final Instant createdAt;
    private final Map<String, TaskSpec> tasks = new LinkedHashMap<>();
    private final Glob source;
    private final Glob subject;

    public FlowDefinition(UUID id, FlowSpec spec, Instant createdAt) {
        this.id = id;
        this.spec = spec;
        this.createdAt = createdAt;
        spec.tasks().forEach(task -> tasks.put(task.name(), task));
        this.source = Glob.of(spec.trigger().source());
        this.subject = Glob.of(spec.trigger().subject());
    }

    public UUID id() {
        return id;
    }

    public FlowSpec spec() {
        return spec;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Tasks in the order the author listed them. */
    public List<TaskSpec> tasks() {
        return spec.tasks();
    }

    public TaskSpec task(String name) {
        TaskSpec task = tasks.get(name);
        if (task == null) {
            throw new IllegalStateException("flow " + spec.name() + " has no task '" + name + "'");
        }
        return task;
    }

    /** Tasks no other task depends on: the flow run's result is theirs. */
    public List<TaskSpec> sinks() {
        return spec.tasks().stream()
                .filter(t ->
                        spec.tasks().stream().noneMatch(o -> o.dependencies().contains(t.name())))
                .toList();
    }

    /** Whether the event fires this flow's trigger: type exact, source and subject globs; absent matches all. */
    public boolean triggeredBy(NormalizedEvent event) {
        String type = spec.trigger().type();
        return (type == null || type.isBlank() || type.equals(event.type()))
                && source.matches(event.source().toString())
                && subject.matches(event.subject());
    }
}
