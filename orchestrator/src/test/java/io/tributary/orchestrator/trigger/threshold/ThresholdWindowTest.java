package io.tributary.orchestrator.trigger.threshold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThresholdWindowTest {
    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
    /** Three events within 60 s, 5 s of grace. */
    private static final CompiledThreshold THREE_IN_A_MINUTE =
            new CompiledThreshold("k", new ThresholdTrigger(null, null, null, null, 3, 60L, 5L, null));

    private final ThresholdWindow window = new ThresholdWindow();

    private boolean at(long second) {
        return window.observe(T0.plusSeconds(second), THREE_IN_A_MINUTE, T0.plusSeconds(3600));
    }

    @Test
    void aWindowFiresOnceWhenItsCountIsReached() {
        assertFalse(at(0));
        assertFalse(at(10));
        assertTrue(at(20));
        assertFalse(at(30), "once per window");
        assertFalse(at(61));
        assertFalse(at(62));
        assertTrue(at(63), "the next window fires on its own three");
    }

    @Test
    void aLateEventOfTheWindowBeforeIsNotCountedAgainInTheNext() {
        at(0);
        at(10);
        assertTrue(at(20));
        at(61); // opens the next window
        assertFalse(at(59), "belongs to the window that fired, 2 s out of order");
        assertFalse(at(62));
        assertEquals(2, window.count, "only 61 and 62 count in the window from 61");
    }

    @Test
    void anEventUpToTheGraceBeforeItsWindowCountsAndOneBeyondDoesNot() {
        at(100); // the group's first arrival opens the window
        assertFalse(at(96), "4 s out of order: counts");
        assertEquals(2, window.count);
        assertFalse(at(90), "10 s out of order: beyond the grace");
        assertEquals(2, window.count);
        assertTrue(at(101));
    }

    @Test
    void anEventFromTheFutureIsIgnoredAndDoesNotHoldTheGroupsWindow() {
        CompiledThreshold threeInAnHour =
                new CompiledThreshold("k", new ThresholdTrigger(null, null, null, null, 3, 3600L, 5L, null));
        assertFalse(window.observe(T0.plusSeconds(1200), threeInAnHour, T0), "a clock 20 min fast");
        assertEquals(0, window.count);
        window.observe(T0, threeInAnHour, T0);
        window.observe(T0.plusSeconds(30), threeInAnHour, T0.plusSeconds(30));
        assertTrue(window.observe(T0.plusSeconds(60), threeInAnHour, T0.plusSeconds(60)));
        // A clock 50 s fast: its event still counts, opening the next window.
        assertFalse(window.observe(T0.plusSeconds(3660), threeInAnHour, T0.plusSeconds(3610)));
        assertEquals(T0.plusSeconds(3660), window.start);
        assertEquals(1, window.count);
    }
}
