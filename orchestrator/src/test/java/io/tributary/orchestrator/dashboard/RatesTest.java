package io.tributary.orchestrator.dashboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dashboard's in-memory counts and keeps: what they hold, and where they stop growing. */
class RatesTest {
    @Test
    void countsPerSecondOverTheWindowOldestFirst() {
        Rates rates = new Rates(5);
        rates.count("results", 100, false);
        rates.count("results", 100, false);
        rates.count("results", 103, false);
        rates.count("results", 90, false); // older than the window reaches: not counted over a newer second
        Rates.RateHistory history = rates.history(104);
        assertEquals(100, history.start());
        assertArrayEquals(new long[] {2, 0, 0, 1, 0}, history.series().get("results"));
        assertEquals(Map.of("results", 1L), rates.at(103));
        // A second reused by the ring starts from nothing.
        rates.count("results", 105, false);
        assertArrayEquals(
                new long[] {0, 0, 1, 0, 1}, rates.history(105).series().get("results"));
    }

    @Test
    void seriesNamedByTheDataStopAtTheCapThePlatformsOwnNever() {
        Rates rates = new Rates(5);
        for (int i = 0; i < Rates.MAX_CAPPED + 10; i++) {
            rates.count(Feed.EVENTS + "/source-" + i, 100, true);
        }
        rates.count(Feed.DEAD_LETTERS, 100, false);
        rates.count(Feed.RUNS + "CRASHED", 100, false);
        Map<String, long[]> series = rates.history(100).series();
        assertEquals(Rates.MAX_CAPPED + 2, series.size());
        assertTrue(series.containsKey(Feed.DEAD_LETTERS));
        assertTrue(series.containsKey(Feed.RUNS + "CRASHED"));
        assertFalse(series.containsKey(Feed.EVENTS + "/source-" + Rates.MAX_CAPPED));
    }

    @Test
    void aSeriesKeepsItsNewestValuesAFewMetricsAndOnlySmallResults() {
        SeriesDirectory directory = new SeriesDirectory(2, 3);
        for (int i = 0; i < 5; i++) {
            directory.value("/iot|a", "t", 1000L * i, i);
        }
        for (int i = 0; i < SeriesDirectory.METRICS_PER_SERIES + 5; i++) {
            directory.value("/iot|a", "m" + i, 0, 1);
        }
        SeriesDirectory.SeriesView view = directory.view("/iot|a", "t");
        assertEquals(
                List.of(2.0, 3.0, 4.0), view.points().stream().map(p -> p[1]).toList());
        assertEquals(
                SeriesDirectory.METRICS_PER_SERIES,
                directory.known().get("/iot|a").size());

        FeedItem small =
                new FeedItem(FeedKind.RESULT, Instant.EPOCH, "r1", "/analytics", null, "/iot|a", null, null, null);
        directory.result("/iot|a", small, 100);
        directory.result("/iot|a", small, SeriesDirectory.MAX_KEPT_RESULT + 1);
        assertEquals(1, directory.view("/iot|a", "t").results().size());

        // The least recently seen series goes first.
        directory.value("/iot|b", "t", 0, 1);
        directory.value("/iot|c", "t", 0, 1);
        assertEquals(null, directory.view("/iot|a", "t"));
    }
}
