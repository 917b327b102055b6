package io.tributary.analytics.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.analytics.analysis.Selections;
import io.tributary.analytics.task.InvalidTaskException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code linear-trend} against NIST StRD's Norris data set for linear least squares
 * (https://www.itl.nist.gov/div898/strd/lls/data/Norris.shtml; data and certified values from Norris.dat), and a
 * prediction interval worked by hand.
 */
class LinearFitTest {
    private static final double[] NORRIS_Y = {
        0.1, 338.8, 118.1, 888.0, 9.2, 228.1, 668.5, 998.5, 449.1, 778.9, 559.2, 0.3, 0.1, 778.1, 668.8, 339.3, 448.9,
        10.8, 557.7, 228.3, 998.0, 888.8, 119.6, 0.3, 0.6, 557.6, 339.3, 888.0, 998.5, 778.9, 10.2, 117.6, 228.9, 668.4,
        449.2, 0.2
    };
    private static final double[] NORRIS_X = {
        0.2, 337.4, 118.2, 884.6, 10.1, 226.5, 666.3, 996.3, 448.6, 777.0, 558.2, 0.4, 0.6, 775.5, 666.9, 338.0, 447.5,
        11.6, 556.0, 228.1, 995.8, 887.6, 120.2, 0.3, 0.3, 556.8, 339.1, 887.2, 999.0, 779.0, 11.1, 118.3, 229.2, 669.1,
        448.9, 0.5
    };

    @Test
    void norrisMatchesItsCertifiedValues() {
        LinearFit fit = LinearFit.of(NORRIS_X, NORRIS_Y, 0, 0.95);
        assertEquals(-0.262323073774029, fit.intercept(), 1e-12);
        assertEquals(1.00211681802045, fit.slope(), 1e-14);
        assertEquals(0.884796396144373, fit.residualSd(), 1e-12);
        assertEquals(0.999993745883712, fit.r2(), 1e-14);
    }

    /**
     * x 0..4, y 1, 3, 2, 5, 4: x̄ 2, ȳ 3, Sxx 10, Sxy 8 → slope 0.8, intercept 1.4; residuals −0.4, 0.8, −1, 1.2, −0.6 →
     * SSE 3.6, s² 1.2; SST 10, r² 0.64. At x 6: ŷ 6.2 ± t(0.975; 3) · √(1.2 · (1 + 1/5 + 16/10)) = 3.18244630528 ·
     * √3.36 (t from a table).
     */
    @Test
    void predictionIntervalByHand() {
        LinearFit fit = LinearFit.of(new double[] {0, 1, 2, 3, 4}, new double[] {1, 3, 2, 5, 4}, 6, 0.95);
        assertEquals(0.8, fit.slope(), 1e-12);
        assertEquals(1.4, fit.intercept(), 1e-12);
        assertEquals(0.64, fit.r2(), 1e-12);
        assertEquals(Math.sqrt(1.2), fit.residualSd(), 1e-12);
        assertEquals(6.2, fit.forecast(), 1e-12);
        assertEquals(6.2 - 5.833520435631256, fit.lower(), 1e-9);
        assertEquals(6.2 + 5.833520435631256, fit.upper(), 1e-9);
    }

    @Test
    void overTimeTheInterceptIsTheLineAtTheNewestPointAndTheForecastLooksAhead() {
        LinearTrend trend = LinearTrend.of(Selections.of(1, 3, 2, 5, 4), Duration.ofSeconds(2), 0.95);
        assertEquals(0.8, trend.slope(), 1e-12);
        assertEquals(4.6, trend.intercept(), 1e-12);
        assertEquals(6.2, trend.forecast(), 1e-12);
        assertEquals(Selections.T0.plusSeconds(6), trend.forecastAt());
        assertEquals(6.2 + 5.833520435631256, trend.upper(), 1e-9);
    }

    @Test
    void edgeCases() {
        LinearTrend constant = LinearTrend.of(Selections.of(5, 5, 5), Duration.ZERO, 0.95);
        assertEquals(0, constant.slope(), 0);
        assertNull(constant.r2(), "nothing to explain in a constant series");
        assertEquals(5, constant.forecast(), 1e-12);
        LinearTrend two = LinearTrend.of(Selections.of(1, 2), Duration.ofSeconds(1), 0.95);
        assertEquals(3, two.forecast(), 1e-12);
        assertNull(two.lower(), "no interval without a degree of freedom");
        assertThrows(
                InvalidTaskException.class,
                () -> LinearTrend.of(Selections.at(new long[] {3, 3, 3}, new double[] {1, 2, 3}), Duration.ZERO, 0.95));
        assertThrows(InvalidTaskException.class, () -> LinearTrend.of(Selections.of(1), Duration.ZERO, 0.95));
    }
}
