package io.tributary.orchestrator.trigger.pattern;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A group's state for one pattern: its events in event-time order, the newest event time seen, and the end of its
 * last firing. Events are placed by event time, not arrival, so one that arrives out of order by up to the grace
 * period counts where it belongs; an older one (late), one no newer than the last firing (its events are used up),
 * one already kept (a duplicate) and one from further in the future than a window are ignored. A complete pattern
 * fires as soon as it is seen, and the group starts over after it.
 */
final class PatternBuffer {
    /** Events a group keeps: a window's worth, at most this many (the oldest go first). */
    static final int MAX_EVENTS = 200;

    Instant latest;
    Instant consumed;
    List<Seen> events = new ArrayList<>();

    /** @return the firings the event completes, usually none */
    List<Firing> observe(CompiledPattern pattern, Seen seen, Instant now) {
        Instant at = seen.at();
        if (at.isAfter(now.plus(pattern.within))
                || (consumed != null && !at.isAfter(consumed))
                || (latest != null && at.isBefore(horizon(now).minus(pattern.grace)))
                || events.stream()
                        .anyMatch(kept -> kept.event().id().equals(seen.event().id()))) {
            return List.of();
        }
        int place = events.size();
        while (place > 0 && events.get(place - 1).at().isAfter(at)) {
            place--;
        }
        events.add(place, seen);
        latest = latest == null || at.isAfter(latest) ? at : latest;
        // An event within the grace of the newest may still join a window with events up to a window before it.
        Instant oldest = horizon(now).minus(pattern.grace).minus(pattern.within);
        events.removeIf(kept -> kept.at().isBefore(oldest));
        while (events.size() > MAX_EVENTS) {
            events.remove(0);
        }
        List<Firing> firings = new ArrayList<>();
        Firing firing = pattern.detect(events);
        while (firing != null) {
            firings.add(firing);
            consumed = firing.end();
            events.removeIf(kept -> !kept.at().isAfter(consumed));
            firing = pattern.detect(events);
        }
        return firings;
    }

    /** The newest event time, but never past now: an event from a wrong clock's future would make all others late. */
    private Instant horizon(Instant now) {
        return latest.isAfter(now) ? now : latest;
    }
}
