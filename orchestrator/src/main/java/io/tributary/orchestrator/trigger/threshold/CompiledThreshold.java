package io.tributary.orchestrator.trigger.threshold;

import io.tributary.orchestrator.trigger.CompiledTrigger;
import io.tributary.orchestrator.trigger.EventFacts;
import io.tributary.orchestrator.trigger.EventMatch;
import io.tributary.orchestrator.trigger.Grouping;
import java.time.Duration;

/** A threshold trigger ready to count: no single event fires it. */
final class CompiledThreshold implements CompiledTrigger {
    final String key;
    final int count;
    final Duration within;
    final Duration grace;
    private final EventMatch match;
    private final Grouping grouping;

    CompiledThreshold(String key, ThresholdTrigger spec) {
        this.key = key;
        this.count = spec.count();
        this.within = Duration.ofSeconds(spec.withinSeconds());
        this.grace =
                Duration.ofSeconds(spec.graceSeconds() == null ? ThresholdTrigger.GRACE_SECONDS : spec.graceSeconds());
        this.match = EventMatch.of(spec);
        this.grouping = Grouping.of(spec.forEach());
    }

    @Override
    public boolean firedBy(EventFacts event) {
        return false;
    }

    boolean counts(EventFacts event) {
        return match.matches(event);
    }

    /** Null: the event belongs to no group (its expression failed for it). */
    String group(EventFacts event) {
        return grouping.of(event);
    }
}
