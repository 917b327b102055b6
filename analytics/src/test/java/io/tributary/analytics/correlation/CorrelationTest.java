package io.tributary.analytics.correlation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.analytics.analysis.Selection;
import io.tributary.analytics.analysis.Selections;
import io.tributary.analytics.task.InvalidTaskException;
import org.junit.jupiter.api.Test;

/** {@code correlation}, worked by hand. */
class CorrelationTest {
    private static final long[] SECONDS = {0, 1, 2, 3, 4};

    private static Correlation correlate(double[] x, double[] y) {
        return Correlation.of(Selections.at(SECONDS, x), Selections.at(SECONDS, y), "other", 1);
    }

    @Test
    void pearsonAndSpearmanByHand() {
        // x 1..5, y 1, 3, 2, 5, 4: Sxy 8, Sxx 10, Syy 10 → r 0.8; y's ranks are its values, so ρ 0.8 too.
        Correlation c = correlate(new double[] {1, 2, 3, 4, 5}, new double[] {1, 3, 2, 5, 4});
        assertEquals(0.8, c.pearson(), 1e-12);
        assertEquals(0.8, c.spearman(), 1e-12);
        assertEquals(5, c.pairs());
    }

    @Test
    void aMonotonicCurveIsPerfectForSpearmanOnly() {
        // y = x³: Sxy 304, Sxx 10, Syy 10390 → r = 304 / √103900 = 0.94312; ranks equal → ρ 1.
        Correlation c = correlate(new double[] {1, 2, 3, 4, 5}, new double[] {1, 8, 27, 64, 125});
        assertEquals(304 / Math.sqrt(103900), c.pearson(), 1e-12);
        assertEquals(1, c.spearman(), 1e-12);
    }

    @Test
    void seriesAreAlignedOnTimeAndUnpairedPointsLeftOut() {
        Selection a = Selections.at(new long[] {0, 1, 2, 3, 4}, new double[] {1, 2, 3, 4, 5});
        Selection b = Selections.at(new long[] {1, 2, 3, 4, 9}, new double[] {20, 30, 40, 50, 0});
        Correlation exact = Correlation.of(a, b, "other", 1);
        assertEquals(4, exact.pairs());
        assertEquals(1, exact.pearson(), 1e-12);
        // In 2-second buckets: a (1.5, 3.5, 5) and b (20, 35, 50) pair in buckets 0, 2, 4 (b's 9 s has no partner).
        Correlation bucketed = Correlation.of(a, b, "other", 2000);
        assertEquals(3, bucketed.pairs());
        assertEquals(1, bucketed.spearman(), 1e-12);
    }

    @Test
    void aConstantSideHasNoCoefficientAndTooFewPairsFail() {
        Correlation constant = correlate(new double[] {1, 2, 3, 4, 5}, new double[] {7, 7, 7, 7, 7});
        assertNull(constant.pearson());
        assertNull(constant.spearman());
        assertThrows(
                InvalidTaskException.class, () -> Correlation.of(Selections.of(1, 2), Selections.of(3, 4), "other", 1));
    }
}
