package io.tributary.orchestrator.trigger;

import io.tributary.http.problem.Problem.FieldError;
import io.tributary.orchestrator.expression.Cel;
import io.tributary.orchestrator.expression.CompiledExpression;
import io.tributary.orchestrator.expression.ExpressionException;
import io.tributary.orchestrator.trigger.event.Glob;
import java.util.List;

/**
 * Which events a trigger looks at: the CloudEvents type exact, source and subject as globs, then a CEL filter,
 * cheapest first. Every kind that looks at events shares it.
 */
public final class EventMatch {
    private final String type;
    private final Glob source;
    private final Glob subject;
    private final CompiledExpression filter;

    private EventMatch(String type, Glob source, Glob subject, CompiledExpression filter) {
        this.type = type;
        this.source = source;
        this.subject = subject;
        this.filter = filter;
    }

    /** Called only with criteria {@link #errors} accepted. */
    public static EventMatch of(EventCriteria criteria) {
        String type = criteria.type();
        String filter = criteria.filter();
        return new EventMatch(
                type == null || type.isBlank() ? null : type,
                Glob.of(criteria.source()),
                Glob.of(criteria.subject()),
                filter == null || filter.isBlank() ? null : Cel.condition(filter));
    }

    /** @param path how errors name the criteria, e.g. {@code triggers[0]}: the filter's is {@code triggers[0].filter} */
    public static List<FieldError> errors(EventCriteria criteria, String path) {
        String filter = criteria.filter();
        if (filter == null || filter.isBlank()) {
            return List.of();
        }
        try {
            Cel.condition(filter);
            return List.of();
        } catch (ExpressionException e) {
            return List.of(new FieldError(path + ".filter", e.getMessage()));
        }
    }

    public boolean matches(EventFacts facts) {
        return (type == null || type.equals(facts.event().type()))
                && source.matches(facts.event().source().toString())
                && subject.matches(facts.event().subject())
                && (filter == null || filter.test(facts.variables()));
    }
}
