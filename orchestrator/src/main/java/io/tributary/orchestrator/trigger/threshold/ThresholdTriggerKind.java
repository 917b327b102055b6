package io.tributary.orchestrator.trigger.threshold;

import io.tributary.orchestrator.expression.Cel;
import io.tributary.orchestrator.expression.ExpressionException;
import io.tributary.orchestrator.problem.Problem.FieldError;
import io.tributary.orchestrator.trigger.CompiledTrigger;
import io.tributary.orchestrator.trigger.EventMatch;
import io.tributary.orchestrator.trigger.TriggerKeys;
import io.tributary.orchestrator.trigger.TriggerKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Threshold triggers: counted by {@link ThresholdCounter} as events arrive, state in PostgreSQL. */
@ApplicationScoped
public class ThresholdTriggerKind implements TriggerKind<ThresholdTrigger> {
    private static final Set<String> ATTRIBUTES = Set.of("subject", "source");

    @Override
    public Class<ThresholdTrigger> specType() {
        return ThresholdTrigger.class;
    }

    @Override
    public List<FieldError> validate(ThresholdTrigger spec, String path) {
        List<FieldError> errors = new ArrayList<>(EventMatch.errors(spec.filter(), path + ".filter"));
        if (isExpression(spec.forEach())) {
            try {
                Cel.ofEvent(spec.forEach());
            } catch (ExpressionException e) {
                errors.add(new FieldError(path + ".forEach", e.getMessage()));
            }
        }
        return errors;
    }

    @Override
    public CompiledTrigger compile(ThresholdTrigger spec) {
        return new CompiledThreshold(
                TriggerKeys.of(spec),
                spec,
                EventMatch.of(spec.type(), spec.source(), spec.subject(), spec.filter()),
                isExpression(spec.forEach()) ? Cel.ofEvent(spec.forEach()) : null);
    }

    private static boolean isExpression(String forEach) {
        return forEach != null && !forEach.isBlank() && !ATTRIBUTES.contains(forEach);
    }
}
