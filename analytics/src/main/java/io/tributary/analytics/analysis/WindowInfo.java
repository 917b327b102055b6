package io.tributary.analytics.analysis;

import java.time.Instant;

/**
 * What every result says about its input: the metric, the window's bounds on event time and how many values it
 * computed with; NaN and infinite values are left out and counted in {@code excluded}.
 *
 * @param complete whether the triggering event's time is past the window's end by more than the allowed lateness:
 *     then no event accepted later can fall into the window. A result that is not complete may miss events that
 *     arrive late (within the lateness); it is not recomputed.
 */
public record WindowInfo(
        String metric, Instant windowStart, Instant windowEnd, int count, int excluded, boolean complete) {}
