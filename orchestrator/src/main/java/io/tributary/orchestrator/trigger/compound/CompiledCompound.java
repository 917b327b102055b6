package io.tributary.orchestrator.trigger.compound;

import io.tributary.orchestrator.trigger.pattern.CompiledPattern;
import io.tributary.orchestrator.trigger.pattern.Firing;
import io.tributary.orchestrator.trigger.pattern.Seen;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A compound trigger ready to watch: a window fires when enough of its parts have their count of matching events in
 * it. Windows ending at each event in turn are tried, so the first that holds enough is the earliest firing; it
 * reports every part matched in it, each with its newest events.
 */
final class CompiledCompound extends CompiledPattern {
    private final int required;

    CompiledCompound(String key, CompoundTrigger spec) {
        super(CompoundTrigger.KIND, key, spec);
        this.required = spec.require().of(spec.triggers().size());
    }

    @Override
    protected Firing detect(List<Seen> events) {
        int first = 0;
        for (int last = 0; last < events.size(); last++) {
            Instant start = events.get(last).at().minus(within());
            while (events.get(first).at().isBefore(start)) {
                first++;
            }
            Firing firing = firing(events.subList(first, last + 1));
            if (firing != null) {
                return firing;
            }
        }
        return null;
    }

    private Firing firing(List<Seen> window) {
        List<Firing.Matched> matched = new ArrayList<>();
        int complete = 0;
        for (int part = 0; part < parts(); part++) {
            List<Firing.Matched> newest = new ArrayList<>();
            for (int i = window.size() - 1; i >= 0 && newest.size() < count(part); i--) {
                if (window.get(i).matches(part)) {
                    newest.add(new Firing.Matched(part, window.get(i).event()));
                }
            }
            if (newest.size() == count(part)) {
                complete++;
                matched.addAll(newest);
            }
        }
        return complete >= required ? new Firing(matched) : null;
    }
}
