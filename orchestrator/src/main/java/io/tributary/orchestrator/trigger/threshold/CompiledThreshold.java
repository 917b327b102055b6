package io.tributary.orchestrator.trigger.threshold;

import io.tributary.orchestrator.expression.CompiledExpression;
import io.tributary.orchestrator.trigger.CompiledTrigger;
import io.tributary.orchestrator.trigger.EventFacts;
import io.tributary.orchestrator.trigger.EventMatch;
import java.time.Duration;
import java.util.function.Function;

/** A threshold trigger ready to count: no single event fires it. */
final class CompiledThreshold implements CompiledTrigger {
    final String key;
    final int count;
    final Duration within;
    private final EventMatch match;
    private final Function<EventFacts, String> group;

    CompiledThreshold(String key, ThresholdTrigger spec, EventMatch match, CompiledExpression forEach) {
        this.key = key;
        this.count = spec.count();
        this.within = Duration.ofSeconds(spec.withinSeconds());
        this.match = match;
        if (forEach == null) {
            this.group = "source".equals(spec.forEach())
                    ? facts -> facts.event().source().toString()
                    : facts -> facts.event().subject();
        } else {
            this.group = facts -> String.valueOf(forEach.evaluate(facts.variables()));
        }
    }

    @Override
    public boolean firedBy(EventFacts event) {
        return false;
    }

    boolean counts(EventFacts event) {
        return match.matches(event);
    }

    /** The group the event is counted in; an expression that fails for the event counts it in none. */
    String group(EventFacts event) {
        try {
            return group.apply(event);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
