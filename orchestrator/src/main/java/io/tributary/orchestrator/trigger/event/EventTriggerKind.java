package io.tributary.orchestrator.trigger.event;

import io.tributary.orchestrator.expression.Cel;
import io.tributary.orchestrator.expression.CompiledExpression;
import io.tributary.orchestrator.expression.ExpressionException;
import io.tributary.orchestrator.problem.Problem.FieldError;
import io.tributary.orchestrator.trigger.CompiledTrigger;
import io.tributary.orchestrator.trigger.TriggerKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Event triggers: the type exact, source and subject as globs, then the CEL filter, cheapest first. */
@ApplicationScoped
public class EventTriggerKind implements TriggerKind<EventTrigger> {

    @Override
    public Class<EventTrigger> specType() {
        return EventTrigger.class;
    }

    @Override
    public List<FieldError> validate(EventTrigger spec, String path) {
        if (spec.filter() == null || spec.filter().isBlank()) {
            return List.of();
        }
        try {
            Cel.condition(spec.filter());
            return List.of();
        } catch (ExpressionException e) {
            return List.of(new FieldError(path + ".filter", e.getMessage()));
        }
    }

    @Override
    public CompiledTrigger compile(EventTrigger spec) {
        String type = spec.type() == null || spec.type().isBlank() ? null : spec.type();
        Glob source = Glob.of(spec.source());
        Glob subject = Glob.of(spec.subject());
        CompiledExpression filter =
                spec.filter() == null || spec.filter().isBlank() ? null : Cel.condition(spec.filter());
        return facts -> (type == null || type.equals(facts.event().type()))
                && source.matches(facts.event().source().toString())
                && subject.matches(facts.event().subject())
                && (filter == null || filter.test(facts.variables()));
    }
}
