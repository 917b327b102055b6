package io.tributary.analytics.stats;

import java.time.Instant;

/**
 * The result of {@code window-stats}: statistics of one metric over (windowStart, windowEnd] of one series.
 *
 * @param stddev the sample standard deviation (n - 1 in the denominator); 0 for a single sample
 */
public record WindowStats(
        String metric,
        long count,
        double mean,
        double min,
        double max,
        double stddev,
        Instant windowStart,
        Instant windowEnd) {}
