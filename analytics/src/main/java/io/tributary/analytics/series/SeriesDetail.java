package io.tributary.analytics.series;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tributary.analytics.analysis.Selection;
import io.tributary.analytics.stats.WindowStats;
import io.tributary.analytics.window.Points;
import io.tributary.analytics.window.Sample;
import io.tributary.analytics.window.SeriesWindows;
import io.tributary.analytics.window.WindowCounters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One series' window: its counters, {@code window-stats} of each metric over everything it holds, and its newest
 * samples ({@code recent}, oldest of them first).
 */
public record SeriesDetail(
        String key, @JsonUnwrapped WindowCounters window, Map<String, WindowStats> stats, List<Sample> recent) {

    static SeriesDetail of(String key, WindowCounters counters, SeriesWindows windows, int newest) {
        if (counters.oldest() == null) {
            return new SeriesDetail(key, counters, Map.of(), List.of());
        }
        List<Sample> all = windows.samples(key, counters.oldest(), counters.newest());
        Set<String> metrics = new TreeSet<>();
        all.forEach(sample -> metrics.addAll(sample.metrics().keySet()));
        Map<String, WindowStats> stats = new TreeMap<>();
        for (String metric : metrics) {
            Points points = windows.points(key, metric, counters.oldest(), true, counters.newest(), true);
            if (points.size() > 0) {
                stats.put(
                        metric,
                        WindowStats.of(new Selection(metric, counters.oldest(), counters.newest(), points, false)));
            }
        }
        return new SeriesDetail(key, counters, stats, all.subList(Math.max(0, all.size() - newest), all.size()));
    }
}
