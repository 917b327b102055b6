package io.tributary.analytics.series;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tributary.analytics.window.WindowCounters;
import java.util.List;

/**
 * The series this instance holds.
 *
 * @param tooLate events refused over all series since start for being later than the allowed lateness
 * @param evicted series evicted since start for being idle
 */
public record SeriesList(int count, long tooLate, long evicted, List<Entry> series) {
    public record Entry(String key, @JsonUnwrapped WindowCounters window) {}
}
