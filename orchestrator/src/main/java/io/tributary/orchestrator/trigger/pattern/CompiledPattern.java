package io.tributary.orchestrator.trigger.pattern;

import io.tributary.orchestrator.trigger.CompiledTrigger;
import io.tributary.orchestrator.trigger.EventFacts;
import io.tributary.orchestrator.trigger.EventMatch;
import io.tributary.orchestrator.trigger.Grouping;
import java.time.Duration;
import java.util.List;

/**
 * A compound or sequence trigger ready to watch events: which parts an event matches, its group, and — the kind's
 * own — whether a group's events complete the pattern. No single event fires it; {@link PatternCounter} does.
 */
public abstract class CompiledPattern implements CompiledTrigger {
    /** How far out of order (event time) an event may arrive and still count, when the trigger does not say. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);

    final String kind;
    final String key;
    final Duration within;
    final Duration grace;
    private final List<EventMatch> matches;
    private final int[] counts;
    private final Grouping grouping;

    protected CompiledPattern(String kind, String key, PatternSpec spec) {
        this.kind = kind;
        this.key = key;
        this.within = Duration.ofSeconds(spec.withinSeconds());
        this.grace = spec.graceSeconds() == null ? DEFAULT_GRACE : Duration.ofSeconds(spec.graceSeconds());
        this.matches = spec.parts().stream().map(EventMatch::of).toList();
        this.counts = spec.parts().stream().mapToInt(EventCondition::countOrOne).toArray();
        this.grouping = Grouping.of(spec.forEach());
    }

    @Override
    public boolean firedBy(EventFacts event) {
        return false;
    }

    /** Bit i set: the event matches part i; 0: the pattern ignores it. */
    int matches(EventFacts event) {
        int parts = 0;
        for (int i = 0; i < matches.size(); i++) {
            if (matches.get(i).matches(event)) {
                parts |= 1 << i;
            }
        }
        return parts;
    }

    /** Null: the event belongs to no group (its expression failed for it). */
    String group(EventFacts event) {
        return grouping.of(event);
    }

    protected int parts() {
        return counts.length;
    }

    /** Matching events part i needs. */
    protected int count(int part) {
        return counts[part];
    }

    protected Duration within() {
        return within;
    }

    /**
     * The firing that completes first in event time among a group's events, or null.
     *
     * @param events the group's events not yet used by a firing, in event-time order
     */
    protected abstract Firing detect(List<Seen> events);
}
