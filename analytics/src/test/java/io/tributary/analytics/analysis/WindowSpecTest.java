package io.tributary.analytics.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.analytics.task.InvalidTaskException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Window parameters: the bounds each kind selects, and refusals that name the parameter. */
class WindowSpecTest {
    private static final Instant T = Instant.parse("2026-01-01T00:10:37Z");

    private static WindowSpec spec(Map<String, Object> parameters) {
        return WindowSpec.from(new TaskParameters(parameters), Duration.ofHours(1), 1000);
    }

    @Test
    void lastSecondsEndAtTheTrigger() {
        WindowSpec last = spec(Map.of("windowSeconds", 30));
        assertEquals(T.minusSeconds(30), last.start(T));
        assertEquals(T, last.end(T));
    }

    @Test
    void tumblingIsTheLastCompleteAlignedWindow() {
        WindowSpec tumbling = spec(Map.of("window", "tumbling", "windowSeconds", 60));
        assertEquals(Instant.parse("2026-01-01T00:09:00Z"), tumbling.start(T));
        assertEquals(Instant.parse("2026-01-01T00:10:00Z"), tumbling.end(T));
        assertTrue(tumbling.alignedBuckets());
    }

    @Test
    void slidingWindowsStartEverySlide() {
        WindowSpec sliding = spec(Map.of("window", "sliding", "windowSeconds", 300, "slideSeconds", 15));
        assertEquals(Instant.parse("2026-01-01T00:10:30Z"), sliding.end(T));
        assertEquals(Instant.parse("2026-01-01T00:05:30Z"), sliding.start(T));
    }

    @Test
    void lastPoints() {
        WindowSpec points = spec(Map.of("windowPoints", 50));
        assertTrue(points.byPoints());
        assertEquals(50, points.points());
    }

    @Test
    void badWindowParametersAreNamed() {
        assertRefused(Map.of(), "'windowSeconds' is required");
        assertRefused(Map.of("windowSeconds", 7200), "'windowSeconds' must be greater than 0.0 and at most 3600");
        assertRefused(Map.of("windowSeconds", "ten"), "'windowSeconds' must be a finite number");
        assertRefused(Map.of("window", "session", "windowSeconds", 10), "'window' must be one of");
        assertRefused(Map.of("windowSeconds", 10, "windowPoints", 5), "'windowPoints' goes only with");
        assertRefused(Map.of("windowPoints", 2.5), "'windowPoints' must be an integer");
        assertRefused(Map.of("windowSeconds", 10, "slideSeconds", 5), "'slideSeconds' goes only with window 'sliding'");
        assertRefused(
                Map.of("window", "sliding", "windowSeconds", 10, "slideSeconds", 20),
                "'slideSeconds' must be greater than 0.0 and at most 10");
    }

    private static void assertRefused(Map<String, Object> parameters, String reason) {
        InvalidTaskException e = assertThrows(InvalidTaskException.class, () -> spec(parameters));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
