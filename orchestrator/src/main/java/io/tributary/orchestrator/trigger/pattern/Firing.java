package io.tributary.orchestrator.trigger.pattern;

import io.tributary.contract.event.NormalizedEvent;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** A pattern complete: the events that completed it, with the part each matched, in event-time order. */
public record Firing(List<Matched> matched) {

    public record Matched(int part, NormalizedEvent event) {}

    public Firing {
        matched = matched.stream()
                .sorted(Comparator.comparing((Matched m) -> m.event().time().toInstant()))
                .toList();
    }

    /** The newest event of the firing: the one that completed it, in event time. */
    public NormalizedEvent last() {
        return matched.get(matched.size() - 1).event();
    }

    public Instant end() {
        return last().time().toInstant();
    }
}
