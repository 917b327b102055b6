package io.tributary.analytics.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One series' window on event time: order, duplicates, lateness, retention and the sample cap. */
class SeriesWindowTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private static Sample sample(String id, long second) {
        return new Sample(id, T0.plusSeconds(second), Map.of("v", (double) second));
    }

    private static List<String> ids(List<Sample> samples) {
        return samples.stream().map(Sample::eventId).toList();
    }

    @Test
    void ordersByEventTimeAndKeepsEachEventOnce() {
        SeriesWindow window = new SeriesWindow();
        assertEquals(WindowAddition.ADDED, window.add(sample("b", 2), HOUR, MINUTE, 100));
        assertEquals(WindowAddition.ADDED, window.add(sample("a", 1), HOUR, MINUTE, 100));
        assertEquals(WindowAddition.DUPLICATE, window.add(sample("a", 1), HOUR, MINUTE, 100));
        assertEquals(List.of("a", "b"), ids(window.between(T0, false, T0.plusSeconds(2), true)));
        assertEquals(List.of("b"), ids(window.between(T0.plusSeconds(1), false, T0.plusSeconds(2), true)));
        assertEquals(1, window.counters().outOfOrder());
    }

    @Test
    void aLateEventWithinTheLatenessEntersTheWindowAndALaterOneIsCounted() {
        SeriesWindow window = new SeriesWindow();
        window.add(sample("now", 600), HOUR, MINUTE, 100);
        assertEquals(WindowAddition.ADDED, window.add(sample("late", 541), HOUR, MINUTE, 100));
        assertEquals(WindowAddition.TOO_LATE, window.add(sample("too-late", 539), HOUR, MINUTE, 100));
        assertEquals(List.of("late", "now"), ids(window.between(T0, true, T0.plusSeconds(600), true)));
        WindowCounters counters = window.counters();
        assertEquals(1, counters.tooLate());
        assertEquals(1, counters.outOfOrder());
        assertEquals(2, counters.samples());
        assertFalse(window.contains("too-late"));
    }

    @Test
    void overItsCapASeriesKeepsItsNewestAndCountsWhatItDropped() {
        SeriesWindow window = new SeriesWindow();
        for (int i = 0; i < 10; i++) {
            window.add(sample("e" + i, i), HOUR, MINUTE, 5);
        }
        assertEquals(5, window.counters().samples());
        assertEquals(5, window.counters().capped());
        assertFalse(window.contains("e4"));
        assertTrue(window.contains("e5"));
    }

    @Test
    void retentionCountsBackFromTheNewestEventTime() {
        SeriesWindow window = new SeriesWindow();
        window.add(sample("old", 0), Duration.ofSeconds(10), HOUR, 100);
        window.add(sample("new", 11), Duration.ofSeconds(10), HOUR, 100);
        assertEquals(List.of("new"), ids(window.between(T0.minusSeconds(1), true, T0.plusSeconds(11), true)));
        assertEquals(0, window.counters().capped(), "an event past retention is not a capped one");
    }

    @Test
    void theLastPointsAreTheNewestWithTheMetricUpToTheTrigger() {
        SeriesWindow window = new SeriesWindow();
        for (int i = 0; i < 6; i++) {
            window.add(sample("e" + i, i), HOUR, MINUTE, 100);
        }
        window.add(new Sample("other", T0.plusSeconds(3), Map.of("w", 1.0)), HOUR, MINUTE, 100);
        List<Sample> last = window.newestFirst(T0.plusSeconds(4), "v", 3);
        assertEquals(List.of("e4", "e3", "e2"), ids(last));
        Points points = Points.of(last, "v", true);
        assertEquals(List.of(2.0, 3.0, 4.0), List.of(points.values()[0], points.values()[1], points.values()[2]));
    }
}
