package io.tributary.analytics.analysis;

import java.time.Instant;

/**
 * What every result says about its input: the metric, the window's bounds on event time and how many values it
 * computed with; NaN and infinite values are left out and counted in {@code excluded}.
 */
public record WindowInfo(String metric, Instant windowStart, Instant windowEnd, int count, int excluded) {}
