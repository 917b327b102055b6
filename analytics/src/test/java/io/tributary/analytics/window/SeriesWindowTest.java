package io.tributary.analytics.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesWindowTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Sample sample(String id, long second) {
        return new Sample(id, T0.plusSeconds(second), Map.of("v", (double) second));
    }

    @Test
    void ordersByEventTimeAndKeepsEachEventOnce() {
        SeriesWindow window = new SeriesWindow();
        assertTrue(window.add(sample("b", 2), Instant.MIN, 100));
        assertTrue(window.add(sample("a", 1), Instant.MIN, 100));
        assertFalse(window.add(sample("a", 1), Instant.MIN, 100));
        List<Sample> all = window.between(T0, T0.plusSeconds(2));
        assertEquals(List.of("a", "b"), all.stream().map(Sample::eventId).toList());
        assertEquals(
                List.of("b"),
                window.between(T0.plusSeconds(1), T0.plusSeconds(2)).stream()
                        .map(Sample::eventId)
                        .toList());
    }

    @Test
    void evictsWhatIsOlderThanRetentionAndBeyondTheCount() {
        SeriesWindow window = new SeriesWindow();
        for (int i = 0; i < 10; i++) {
            window.add(sample("e" + i, i), T0.plusSeconds(3), 5);
        }
        assertEquals(5, window.size());
        assertFalse(window.contains("e4"));
        assertTrue(window.contains("e5"));
    }
}
