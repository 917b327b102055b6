package io.tributary.orchestrator.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The series this replica has seen lately, each with its newest values per metric and its newest results, so that
 * the series page opens with a chart rather than an empty frame. Bounded: the least recently seen series goes first.
 */
final class SeriesDirectory {
    private static final int RESULTS_PER_SERIES = 50;
    /** Metric names come from devices' payloads: a series whose names keep changing keeps its first ones only. */
    static final int METRICS_PER_SERIES = 20;
    /** A larger result (a resampling's buckets, say) is shown live but not kept for the series page. */
    static final int MAX_KEPT_RESULT = 8 * 1024;

    private final int pointsPerMetric;
    private final Map<String, Series> series;

    SeriesDirectory(int maxSeries, int pointsPerMetric) {
        this.pointsPerMetric = pointsPerMetric;
        this.series = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Series> eldest) {
                return size() > maxSeries;
            }
        };
    }

    synchronized void value(String key, String metric, long epochMillis, double value) {
        Map<String, Points> metrics = series.computeIfAbsent(key, k -> new Series()).points;
        Points points = metrics.get(metric);
        if (points == null) {
            if (metrics.size() >= METRICS_PER_SERIES) {
                return;
            }
            points = new Points(pointsPerMetric);
            metrics.put(metric, points);
        }
        points.add(epochMillis, value);
    }

    /** @param size the result's body in bytes */
    synchronized void result(String key, FeedItem result, int size) {
        if (size <= MAX_KEPT_RESULT) {
            series.computeIfAbsent(key, k -> new Series()).results.add(result);
        }
    }

    /** Every series known, by key, with the metrics it has values of. */
    synchronized Map<String, List<String>> known() {
        Map<String, List<String>> known = new TreeMap<>();
        series.forEach((key, s) -> known.put(key, List.copyOf(new TreeSet<>(s.points.keySet()))));
        return known;
    }

    /** A series' values of one metric, oldest first, and its newest results; null when the series is not known. */
    synchronized SeriesView view(String key, String metric) {
        Series s = series.get(key);
        if (s == null) {
            return null;
        }
        Points points = s.points.get(metric);
        return new SeriesView(
                key,
                metric,
                points == null ? List.of() : points.list(),
                s.results.newest(FeedFilter.of(null, null, null, null), RESULTS_PER_SERIES));
    }

    /** @param points {@code [epochMillis, value]} pairs, oldest first */
    record SeriesView(String key, String metric, List<double[]> points, List<FeedItem> results) {}

    private static final class Series {
        final Map<String, Points> points = new TreeMap<>();
        final Recent results = new Recent(RESULTS_PER_SERIES);
    }

    /** A ring of the newest values. */
    private static final class Points {
        private final long[] at;
        private final double[] values;
        private int next;
        private int size;

        Points(int capacity) {
            at = new long[capacity];
            values = new double[capacity];
        }

        void add(long epochMillis, double value) {
            at[next] = epochMillis;
            values[next] = value;
            next = (next + 1) % at.length;
            size = Math.min(size + 1, at.length);
        }

        List<double[]> list() {
            List<double[]> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                int slot = Math.floorMod(next - size + i, at.length);
                list.add(new double[] {at[slot], values[slot]});
            }
            return list;
        }
    }
}
