package io.tributary.analytics.threshold;

/**
 * When a value breaches, and how many must: above {@code above}, below {@code below}, or outside the band between
 * them when both are given; for {@code consecutive} points in a row, or for a {@code share} of the window.
 *
 * @param above null when there is no upper bound
 * @param below null when there is no lower bound
 * @param share null to count consecutive points instead
 */
record ThresholdRule(Double above, Double below, int consecutive, Double share) {
    boolean breaches(double value) {
        return (above != null && value > above) || (below != null && value < below);
    }
}
