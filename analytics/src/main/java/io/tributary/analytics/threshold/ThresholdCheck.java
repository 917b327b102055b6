package io.tributary.analytics.threshold;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tributary.analytics.analysis.Selection;
import io.tributary.analytics.analysis.WindowInfo;
import io.tributary.analytics.window.Points;

/**
 * The result of {@code threshold}: which points of the window are beyond the band and whether that is a breach.
 *
 * @param breached whether at least {@code consecutive} breaching points followed one another, or (with a share
 *     asked) at least that share of the window's points breached
 * @param breaching how many points breached
 * @param share breaching points over all points
 * @param longestRun the longest run of consecutive breaching points
 * @param trailingRun the run of breaching points that ends the window (0 when the last point is within the band)
 * @param last the window's last value
 */
public record ThresholdCheck(
        @JsonUnwrapped WindowInfo window,
        boolean breached,
        int breaching,
        double share,
        int longestRun,
        int trailingRun,
        double last) {

    static ThresholdCheck of(Selection selection, ThresholdRule rule) {
        Points points = selection.atLeast(1);
        int breaching = 0;
        int run = 0;
        int longest = 0;
        for (double value : points.values()) {
            if (rule.breaches(value)) {
                breaching++;
                run++;
                longest = Math.max(longest, run);
            } else {
                run = 0;
            }
        }
        double share = (double) breaching / points.size();
        boolean breached = rule.share() != null ? share >= rule.share() : longest >= rule.consecutive();
        return new ThresholdCheck(selection.info(), breached, breaching, share, longest, run, points.last());
    }
}
