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
    void anEventFromTheFutureIsIgnored() {
        assertFalse(window.observe(T0.plusSeconds(7200), THREE_IN_A_MINUTE, T0));
        assertEquals(0, window.count);
    }
}
