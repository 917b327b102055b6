package io.tributary.orchestrator.trigger.proactive;

import io.tributary.orchestrator.trigger.CompiledTrigger;
import io.tributary.orchestrator.trigger.EventFacts;
import io.tributary.orchestrator.trigger.EventMatch;
import io.tributary.orchestrator.trigger.Grouping;
import java.time.Duration;

/** A proactive trigger ready to watch: an event re-arms its group's silence; no event fires it. */
final class CompiledProactive implements CompiledTrigger {
    final String key;
    final Duration within;
    private final EventMatch match;
    private final Grouping grouping;

    CompiledProactive(String key, ProactiveTrigger spec) {
        this.key = key;
        this.within = Duration.ofSeconds(spec.withinSeconds());
        this.match = EventMatch.of(spec);
        this.grouping = Grouping.of(spec.forEach());
    }

    @Override
    public boolean firedBy(EventFacts event) {
        return false;
    }

    boolean watches(EventFacts event) {
        return match.matches(event);
    }

    String group(EventFacts event) {
        return grouping.of(event);
    }
}
