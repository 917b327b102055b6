package io.tributary.orchestrator.trigger.threshold;

import java.time.Duration;
import java.time.Instant;

/**
 * A group's current window of event time, and where the one before it ended. A window opens with an event past the
 * current one and lasts {@code within}; an event before the current window counts in it only when it is at most the
 * grace out of order and not of the previous window, whose events were counted there (counted again, a late event of
 * a window that fired would help the next one fire too).
 */
final class ThresholdWindow {
    /** How far ahead of this clock a device's may be and its events still count. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    Instant start = Instant.EPOCH;
    int count;
    boolean fired;
    Instant previousEnd = Instant.EPOCH;

    /** Counts the event at {@code at} where it belongs; true when this makes the window reach the threshold. */
    boolean observe(Instant at, CompiledThreshold threshold, Instant now) {
        if (at.isAfter(now.plus(threshold.grace.compareTo(CLOCK_SKEW) > 0 ? threshold.grace : CLOCK_SKEW))) {
            // A wrong clock's event from the future would open a window there, and the group's later events,
            // before it by more than the grace, would count in none until then.
            return false;
        }
        if (!at.isBefore(start.plus(threshold.within))) {
            previousEnd = start.equals(Instant.EPOCH) ? Instant.EPOCH : start.plus(threshold.within);
            start = at;
            count = 0;
            fired = false;
        } else if (at.isBefore(start) && (at.isBefore(previousEnd) || at.isBefore(start.minus(threshold.grace)))) {
            return false;
        }
        count++;
        if (fired || count < threshold.count) {
            return false;
        }
        fired = true;
        return true;
    }
}
