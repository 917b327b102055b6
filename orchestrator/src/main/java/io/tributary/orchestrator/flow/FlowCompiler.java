package io.tributary.orchestrator.flow;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.contract.json.Json;
import io.tributary.http.problem.Problem.FieldError;
import io.tributary.orchestrator.expression.ParameterTemplate;
import io.tributary.orchestrator.expression.TemplateException;
import io.tributary.orchestrator.problem.UnavailableProblem;
import io.tributary.orchestrator.tasktype.TaskTypeCatalog;
import io.tributary.orchestrator.trigger.TriggerKinds;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Checks a flow for what can never run as meant — an invalid DAG, an expression that does not compile, a default
 * of the wrong type — and compiles a valid one into a {@link FlowDefinition}.
 */
@ApplicationScoped
public class FlowCompiler {
    private final TriggerKinds triggerKinds;
    private final TaskTypeCatalog taskTypes;

    public FlowCompiler(TriggerKinds triggerKinds, TaskTypeCatalog taskTypes) {
        this.triggerKinds = triggerKinds;
        this.taskTypes = taskTypes;
    }

    /**
     * Empty for a flow that can be saved.
     *
     * @throws UnavailableProblem until the task types are read ({@link TaskTypeCatalog#ready}): a type cannot be told
     *     unknown before
     */
    public List<FieldError> errors(FlowSpec spec) {
        List<FieldError> errors = new ArrayList<>(FlowValidator.errors(spec));
        errors.addAll(parameterErrors(spec));
        errors.addAll(triggerKinds.validate(spec.triggersOrEmpty()));
        if (!taskTypes.ready()) {
            throw new UnavailableProblem(
                    "The task types (tributary.task-types) are not all read yet, or no executor has published"
                            + " them, so the flow cannot be checked; try again shortly.",
                    5);
        }
        for (int i = 0; i < spec.tasks().size(); i++) {
            TaskSpec task = spec.tasks().get(i);
            try {
                ParameterTemplate template = ParameterTemplate.compile(
                        task.parametersOrEmpty(), "tasks[" + i + "].parameters", spec.parameterTypes());
                errors.addAll(taskTypes.errors(
                        "tasks[" + i + "]",
                        task.type(),
                        Json.MAPPER.valueToTree(task.parametersOrEmpty()),
                        template.computed()));
            } catch (TemplateException e) {
                e.errors().forEach(error -> errors.add(new FieldError(error.path(), error.message())));
            }
        }
        return errors;
    }

    private static List<FieldError> parameterErrors(FlowSpec spec) {
        List<FieldError> errors = new ArrayList<>();
        spec.parametersOrEmpty().forEach((name, parameter) -> {
            JsonNode value = parameter.defaultValue();
            if (parameter.hasDefault() && !parameter.type().accepts(value)) {
                errors.add(new FieldError(
                        "parameters." + name + ".default",
                        "is not of type " + parameter.type().json()));
            } else if (!parameter.hasDefault() && !spec.triggersOrEmpty().isEmpty()) {
                errors.add(new FieldError(
                        "parameters." + name + ".default", "is required: runs started by a trigger take the defaults"));
            }
        });
        return errors;
    }

    /** @throws IllegalStateException for a spec {@link #errors} refuses (a stored flow is valid) */
    public FlowDefinition compile(UUID id, int version, FlowSpec spec, Instant createdAt) {
        return FlowDefinition.of(id, version, spec, createdAt, triggerKinds.compile(spec.triggersOrEmpty()));
    }
}
