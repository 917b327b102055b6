package io.tributary.analytics.window;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The finite values of one metric in a window, in event-time order, and how many values were left out for being
 * NaN or infinite: they are counted, never computed with.
 */
public record Points(long[] timesMillis, double[] values, int excluded) {
    /**
     * The metric's values of the samples, oldest first; samples without the metric are not part of it.
     *
     * @param newestFirst whether {@code samples} come newest first (they are reversed)
     */
    static Points of(List<Sample> samples, String metric, boolean newestFirst) {
        long[] times = new long[samples.size()];
        double[] values = new double[samples.size()];
        int n = 0;
        int excluded = 0;
        for (int k = 0; k < samples.size(); k++) {
            Sample sample = samples.get(newestFirst ? samples.size() - 1 - k : k);
            Double value = sample.metrics().get(metric);
            if (value == null) {
                continue;
            }
            if (!Double.isFinite(value)) {
                excluded++;
                continue;
            }
            times[n] = sample.time().toEpochMilli();
            values[n++] = value;
        }
        return new Points(Arrays.copyOf(times, n), Arrays.copyOf(values, n), excluded);
    }

    public int size() {
        return values.length;
    }

    public Instant time(int i) {
        return Instant.ofEpochMilli(timesMillis[i]);
    }

    /** Seconds of point i after point 0: the x axis of rates and trends. */
    public double secondsSinceFirst(int i) {
        return (timesMillis[i] - timesMillis[0]) / 1000.0;
    }

    public double last() {
        return values[values.length - 1];
    }
}
