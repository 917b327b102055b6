package io.tributary.analytics.anomaly;

/**
 * What the points before the newest say it should be: a center and a spread; the newest point's score is its
 * distance from the center in spreads, times {@code scale}.
 */
record Baseline(double center, double spread, double scale) {}
