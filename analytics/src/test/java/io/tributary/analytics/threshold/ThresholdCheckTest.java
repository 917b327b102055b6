package io.tributary.analytics.threshold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.analytics.analysis.Selections;
import org.junit.jupiter.api.Test;

/** {@code threshold}, worked by hand. */
class ThresholdCheckTest {
    private static ThresholdCheck check(ThresholdRule rule, double... values) {
        return ThresholdCheck.of(Selections.of(values), rule);
    }

    @Test
    void aboveForKConsecutivePoints() {
        // Runs above 10: [11, 12] then [13, 14, 15]: longest 3, trailing 3.
        double[] values = {11, 12, 9, 13, 14, 15};
        ThresholdCheck three = check(new ThresholdRule(10.0, null, 3, null), values);
        assertTrue(three.breached());
        assertEquals(5, three.breaching());
        assertEquals(3, three.longestRun());
        assertEquals(3, three.trailingRun());
        assertFalse(check(new ThresholdRule(10.0, null, 4, null), values).breached());
    }

    @Test
    void belowAndOutsideABand() {
        ThresholdCheck below = check(new ThresholdRule(null, 0.0, 1, null), 1, -1, 2);
        assertTrue(below.breached());
        assertEquals(0, below.trailingRun());
        // Band [0, 10]: -1 and 11 are outside, the bounds themselves inside.
        ThresholdCheck band = check(new ThresholdRule(10.0, 0.0, 2, null), -1, 11, 0, 10);
        assertTrue(band.breached());
        assertEquals(2, band.breaching());
        assertEquals(0.5, band.share(), 0);
    }

    @Test
    void aShareOfTheWindow() {
        double[] values = {11, 1, 12, 2, 13}; // 3 of 5 above 10, never two in a row
        assertTrue(check(new ThresholdRule(10.0, null, 1, 0.6), values).breached());
        assertFalse(check(new ThresholdRule(10.0, null, 1, 0.61), values).breached());
        assertFalse(check(new ThresholdRule(10.0, null, 2, null), values).breached());
    }

    @Test
    void aConstantSeriesAtTheThresholdDoesNotBreach() {
        ThresholdCheck constant = check(new ThresholdRule(5.0, null, 1, null), 5, 5, 5);
        assertFalse(constant.breached());
        assertEquals(0, constant.share(), 0);
        assertEquals(5, constant.last(), 0);
    }
}
