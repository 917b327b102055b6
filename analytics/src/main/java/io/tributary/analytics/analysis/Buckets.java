package io.tributary.analytics.analysis;

import io.tributary.analytics.window.Points;
import java.util.Arrays;
import java.util.TreeMap;

/** Groups a window's values into buckets of event time aligned on the epoch: [k·step, (k+1)·step). */
public final class Buckets {
    private Buckets() {}

    /** @return per bucket start (epoch millis), its values in time order */
    public static TreeMap<Long, double[]> of(Points points, long stepMillis) {
        TreeMap<Long, double[]> buckets = new TreeMap<>();
        int from = 0;
        for (int i = 1; i <= points.size(); i++) {
            // Points are in time order: a bucket is a run of them.
            if (i == points.size()
                    || start(points.timesMillis()[i], stepMillis) != start(points.timesMillis()[from], stepMillis)) {
                buckets.put(
                        start(points.timesMillis()[from], stepMillis), Arrays.copyOfRange(points.values(), from, i));
                from = i;
            }
        }
        return buckets;
    }

    private static long start(long millis, long stepMillis) {
        return Math.floorDiv(millis, stepMillis) * stepMillis;
    }
}
