package io.tributary.analytics.analysis;

import io.tributary.analytics.task.InvalidTaskException;
import io.tributary.analytics.window.Points;
import java.time.Instant;

/**
 * The points of one metric a task computes on, and the window they came from.
 *
 * @param complete see {@link WindowInfo#complete()}
 */
public record Selection(String metric, Instant start, Instant end, Points points, boolean complete) {
    public WindowInfo info() {
        return new WindowInfo(metric, start, end, points.size(), points.excluded(), complete);
    }

    /** Refuses a window with fewer finite values than the computation needs, saying what it had. */
    public Points atLeast(int n) {
        if (points.size() < n) {
            throw new InvalidTaskException("needs at least " + n + " finite value" + (n == 1 ? "" : "s")
                    + " of metric '" + metric + "' in the window [" + start + ", " + end + "]; it has "
                    + points.size()
                    + (points.excluded() > 0 ? " (" + points.excluded() + " NaN or infinite left out)" : ""));
        }
        return points;
    }
}
