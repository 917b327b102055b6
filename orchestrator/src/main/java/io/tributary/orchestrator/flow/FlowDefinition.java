package io.tributary.orchestrator.flow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.contract.json.Json;
import io.tributary.orchestrator.expression.ParameterTemplate;
import io.tributary.orchestrator.trigger.CompiledTrigger;
import io.tributary.orchestrator.trigger.EventFacts;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One version of a flow as the engine uses it: its spec, its tasks by name, its triggers and parameter expressions
 * compiled once ({@link FlowCompiler}).
 */
public final class FlowDefinition {
    private final UUID id;
    private final int version;
    private final FlowSpec spec;
    private final Instant createdAt;
    private final Map<String, TaskSpec> tasks = new LinkedHashMap<>();
    private final List<CompiledTrigger> triggers;
    private final Map<String, ParameterTemplate> templates;
    private final String defaultParameters;

    /** With the tasks' parameter expressions compiled; the triggers are their kinds' to compile. */
    public static FlowDefinition of(
            UUID id, int version, FlowSpec spec, Instant createdAt, List<CompiledTrigger> triggers) {
        Map<String, ParameterTemplate> templates = new LinkedHashMap<>();
        for (int i = 0; i < spec.tasks().size(); i++) {
            TaskSpec task = spec.tasks().get(i);
            templates.put(
                    task.name(),
                    ParameterTemplate.stored(
                            task.parametersOrEmpty(), "tasks[" + i + "].parameters", spec.parameterTypes()));
        }
        return new FlowDefinition(id, version, spec, createdAt, triggers, templates);
    }

    private FlowDefinition(
            UUID id,
            int version,
            FlowSpec spec,
            Instant createdAt,
            List<CompiledTrigger> triggers,
            Map<String, ParameterTemplate> templates) {
        this.id = id;
        this.version = version;
        this.spec = spec;
        this.createdAt = createdAt;
        spec.tasks().forEach(task -> tasks.put(task.name(), task));
        this.triggers = triggers;
        this.templates = templates;
        ObjectNode defaults = Json.MAPPER.createObjectNode();
        spec.parametersOrEmpty().forEach((name, parameter) -> defaults.set(name, parameter.defaultValue()));
        this.defaultParameters = Json.write(defaults);
    }

    /** JSON object of the parameters' defaults: the parameters of a run a trigger starts. */
    public String defaultParameters() {
        return defaultParameters;
    }

    public UUID id() {
        return id;
    }

    public int version() {
        return version;
    }

    public FlowSpec spec() {
        return spec;
    }

    /** When this version was saved. */
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

    /** The task's parameters with their expressions compiled. */
    public ParameterTemplate parameters(String taskName) {
        return templates.get(taskName);
    }

    /** Tasks no other task depends on: the flow run's result is theirs. */
    public List<TaskSpec> sinks() {
        return spec.tasks().stream()
                .filter(t ->
                        spec.tasks().stream().noneMatch(o -> o.dependencies().contains(t.name())))
                .toList();
    }

    /** The flow's triggers, compiled, in the order the author listed them. */
    public List<CompiledTrigger> triggers() {
        return triggers;
    }

    /** Whether one of the flow's triggers fires for the event by itself. */
    public boolean triggeredBy(EventFacts event) {
        for (CompiledTrigger trigger : triggers) {
            if (trigger.firedBy(event)) {
                return true;
            }
        }
        return false;
    }
}
