package io.tributary.analytics.rate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.analytics.analysis.Selections;
import io.tributary.analytics.task.InvalidTaskException;
import org.junit.jupiter.api.Test;

/** {@code rate-of-change}, worked by hand. */
class RateOfChangeTest {
    @Test
    void aGaugeChangesByLastMinusFirstOverTheTimeBetween() {
        RateOfChange rate = RateOfChange.of(Selections.at(new long[] {0, 4, 10}, new double[] {10, 30, 20}), false);
        assertEquals(10, rate.increase(), 0);
        assertEquals(10, rate.seconds(), 0);
        assertEquals(1, rate.rate(), 1e-12);
        assertEquals(-10.0 / 6, rate.lastRate(), 1e-12);
        assertEquals(0, rate.resets());
    }

    @Test
    void aCounterResetCountsTheNewValueAsTheIncrease() {
        // 0 → 10 → 20 → 5 (reset: +5) → 15: increase 10 + 10 + 5 + 10 = 35 over 40 s.
        RateOfChange rate =
                RateOfChange.of(Selections.at(new long[] {0, 10, 20, 30, 40}, new double[] {0, 10, 20, 5, 15}), true);
        assertEquals(35, rate.increase(), 0);
        assertEquals(0.875, rate.rate(), 1e-12);
        assertEquals(1, rate.resets());
        assertEquals(1, rate.lastRate(), 1e-12);
    }

    @Test
    void aConstantSeriesHasNoChange() {
        RateOfChange rate = RateOfChange.of(Selections.of(3, 3, 3), true);
        assertEquals(0, rate.rate(), 0);
        assertEquals(0, rate.resets());
    }

    @Test
    void pointsAllAtOneTimeOrASinglePointHaveNoRate() {
        assertThrows(
                InvalidTaskException.class,
                () -> RateOfChange.of(Selections.at(new long[] {5, 5}, new double[] {1, 2}), false));
        assertThrows(InvalidTaskException.class, () -> RateOfChange.of(Selections.of(1), false));
    }
}
