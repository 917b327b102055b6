package io.tributary.orchestrator.trigger;

import io.tributary.http.problem.Problem.FieldError;
import io.tributary.orchestrator.expression.Cel;
import io.tributary.orchestrator.expression.CompiledExpression;
import io.tributary.orchestrator.expression.ExpressionException;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A trigger's {@code forEach}: what its events are counted or watched per — {@code subject} (the default),
 * {@code source}, or a CEL expression over {@code event}.
 */
public final class Grouping {
    private static final Set<String> ATTRIBUTES = Set.of("subject", "source");

    private final Function<EventFacts, String> group;

    private Grouping(Function<EventFacts, String> group) {
        this.group = group;
    }

    /** Called only with a {@code forEach} {@link #errors} accepted. */
    public static Grouping of(String forEach) {
        if (isExpression(forEach)) {
            CompiledExpression expression = Cel.ofEvent(forEach);
            return new Grouping(facts -> String.valueOf(expression.evaluate(facts.variables())));
        }
        return "source".equals(forEach)
                ? new Grouping(facts -> facts.event().source().toString())
                : new Grouping(facts -> facts.event().subject());
    }

    public static List<FieldError> errors(String forEach, String path) {
        if (!isExpression(forEach)) {
            return List.of();
        }
        try {
            Cel.ofEvent(forEach);
            return List.of();
        } catch (ExpressionException e) {
            return List.of(new FieldError(path, e.getMessage()));
        }
    }

    /** The event's group; null when the expression fails for the event (it then belongs to none). */
    public String of(EventFacts event) {
        try {
            return group.apply(event);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean isExpression(String forEach) {
        return forEach != null && !forEach.isBlank() && !ATTRIBUTES.contains(forEach);
    }
}
