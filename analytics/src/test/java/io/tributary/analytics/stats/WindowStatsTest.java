package io.tributary.analytics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.analytics.analysis.Selections;
import io.tributary.analytics.task.InvalidTaskException;
import io.tributary.contract.json.Json;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@code window-stats} against NIST's Statistical Reference Datasets for univariate summary statistics
 * (https://www.itl.nist.gov/div898/strd/univ/homepage.html): the data of Lew.dat, Mavro.dat and Michelso.dat, and
 * NumAcc1–4 (built from their definition: a first value, then pairs around it), with the certified mean and sample
 * standard deviation typed in from the certificates; percentiles and edge cases worked by hand.
 */
class WindowStatsTest {
    /** Lew.dat: 200 observations, beam deflection (H.S. Lew, NIST). Certified mean −177.435, sd 277.332168044316. */
    static final double[] LEW = {
        -213, -564, -35, -15, 141, 115, -420, -360, 203, -338, -431, 194, -220, -513, 154, -125, -559, 92, -21, -579,
        -52, 99, -543, -175, 162, -457, -346, 204, -300, -474, 164, -107, -572, -8, 83, -541, -224, 180, -420, -374,
        201, -236, -531, 83, 27, -564, -112, 131, -507, -254, 199, -311, -495, 143, -46, -579, -90, 136, -472, -338,
        202, -287, -477, 169, -124, -568, 17, 48, -568, -135, 162, -430, -422, 172, -74, -577, -13, 92, -534, -243,
        194, -355, -465, 156, -81, -578, -64, 139, -449, -384, 193, -198, -538, 110, -44, -577, -6, 66, -552, -164,
        161, -460, -344, 205, -281, -504, 134, -28, -576, -118, 156, -437, -381, 200, -220, -540, 83, 11, -568, -160,
        172, -414, -408, 188, -125, -572, -32, 139, -492, -321, 205, -262, -504, 142, -83, -574, 0, 48, -571, -106,
        137, -501, -266, 190, -391, -406, 194, -186, -553, 83, -13, -577, -49, 103, -515, -280, 201, 300, -506, 131,
        -45, -578, -80, 138, -462, -361, 201, -211, -554, 32, 74, -533, -235, 187, -372, -442, 182, -147, -566, 25,
        68, -535, -244, 194, -351, -463, 174, -125, -570, 15, 72, -550, -190, 172, -424, -385, 198, -218, -536, 96
    };

    /** Mavro.dat: 50 observations, filter transmittance. Certified mean 2.001856, sd 0.000429123454003053. */
    static final double[] MAVRO = {
        2.00180, 2.00170, 2.00180, 2.00190, 2.00180, 2.00170, 2.00150, 2.00140, 2.00150, 2.00150,
        2.00170, 2.00180, 2.00180, 2.00190, 2.00190, 2.00210, 2.00200, 2.00160, 2.00140, 2.00130,
        2.00130, 2.00150, 2.00150, 2.00160, 2.00150, 2.00140, 2.00130, 2.00140, 2.00150, 2.00140,
        2.00150, 2.00160, 2.00150, 2.00160, 2.00190, 2.00200, 2.00200, 2.00210, 2.00220, 2.00230,
        2.00240, 2.00250, 2.00270, 2.00260, 2.00260, 2.00260, 2.00270, 2.00260, 2.00250, 2.00240
    };

    /** Michelso.dat: 100 observations, Michelson's speed of light (km/s − 299000, scaled). Certified mean 299.8524. */
    static final double[] MICHELSO = {
        299.85, 299.74, 299.90, 300.07, 299.93, 299.85, 299.95, 299.98, 299.98, 299.88,
        300.00, 299.98, 299.93, 299.65, 299.76, 299.81, 300.00, 300.00, 299.96, 299.96,
        299.96, 299.94, 299.96, 299.94, 299.88, 299.80, 299.85, 299.88, 299.90, 299.84,
        299.83, 299.79, 299.81, 299.88, 299.88, 299.83, 299.80, 299.79, 299.76, 299.80,
        299.88, 299.88, 299.88, 299.86, 299.72, 299.72, 299.62, 299.86, 299.97, 299.95,
        299.88, 299.91, 299.85, 299.87, 299.84, 299.84, 299.85, 299.84, 299.84, 299.84,
        299.89, 299.81, 299.81, 299.82, 299.80, 299.77, 299.76, 299.74, 299.75, 299.76,
        299.91, 299.92, 299.89, 299.86, 299.88, 299.72, 299.84, 299.85, 299.85, 299.78,
        299.89, 299.84, 299.78, 299.81, 299.76, 299.81, 299.79, 299.81, 299.82, 299.85,
        299.87, 299.87, 299.81, 299.74, 299.81, 299.94, 299.95, 299.80, 299.81, 299.87
    };

    private static WindowStats stats(double... values) {
        return WindowStats.of(Selections.of(values));
    }

    /** NumAcc2–4: the first value, then 500 pairs of it − 0.1 and it + 0.1 (1001 observations). */
    private static double[] numAcc(double center, double below, double above) {
        double[] values = new double[1001];
        values[0] = center;
        for (int i = 1; i < values.length; i += 2) {
            values[i] = below;
            values[i + 1] = above;
        }
        return values;
    }

    @Test
    void lewMatchesItsCertifiedValues() {
        WindowStats stats = stats(LEW);
        assertEquals(200, stats.window().count());
        assertEquals(-177.435000000000, stats.mean(), 1e-12);
        assertEquals(277.332168044316, stats.stddev(), 1e-11);
    }

    @Test
    void mavroMatchesItsCertifiedValues() {
        WindowStats stats = stats(MAVRO);
        assertEquals(2.00185600000000, stats.mean(), 1e-14);
        assertEquals(0.000429123454003053, stats.stddev(), 1e-13);
    }

    @Test
    void michelsonMatchesItsCertifiedValues() {
        WindowStats stats = stats(MICHELSO);
        assertEquals(299.852400000000, stats.mean(), 1e-12);
        assertEquals(0.0790105478190518, stats.stddev(), 1e-12);
    }

    @Test
    void numAccDataSetsOfHigherDifficultyMatchTheirCertifiedValues() {
        WindowStats numAcc1 = stats(10000001, 10000003, 10000002);
        assertEquals(10000002, numAcc1.mean(), 1e-8);
        assertEquals(1.0, numAcc1.stddev(), 1e-12);
        WindowStats numAcc2 = stats(numAcc(1.2, 1.1, 1.3));
        assertEquals(1.2, numAcc2.mean(), 1e-14);
        assertEquals(0.1, numAcc2.stddev(), 1e-13);
        WindowStats numAcc3 = stats(numAcc(1000000.2, 1000000.1, 1000000.3));
        assertEquals(1000000.2, numAcc3.mean(), 1e-8);
        assertEquals(0.1, numAcc3.stddev(), 1e-8);
        WindowStats numAcc4 = stats(numAcc(10000000.2, 10000000.1, 10000000.3));
        assertEquals(10000000.2, numAcc4.mean(), 1e-7);
        assertEquals(0.1, numAcc4.stddev(), 1e-7);
    }

    @Test
    void percentilesInterpolateBetweenRanksByHand() {
        // 1..10 shuffled: type 7 puts p at rank 1 + p(n − 1): p50 → 5.5, p90 → 9.1, p95 → 9.55, p99 → 9.91.
        WindowStats stats = stats(7, 3, 10, 1, 5, 9, 2, 8, 4, 6);
        assertEquals(5.5, stats.p50(), 1e-12);
        assertEquals(9.1, stats.p90(), 1e-12);
        assertEquals(9.55, stats.p95(), 1e-12);
        assertEquals(9.91, stats.p99(), 1e-12);
        assertEquals(55, stats.sum(), 0);
        assertEquals(1, stats.min(), 0);
        assertEquals(10, stats.max(), 0);
        // Σ(x − 5.5)² = 82.5 over n − 1 = 9
        assertEquals(82.5 / 9, stats.variance(), 1e-12);
    }

    @Test
    void onePointAndAConstantSeriesHaveNoSpread() {
        WindowStats one = stats(42);
        assertEquals(1, one.window().count());
        assertEquals(42, one.mean(), 0);
        assertEquals(0, one.stddev(), 0);
        assertEquals(0, one.variance(), 0);
        assertEquals(42, one.p99(), 0);
        WindowStats constant = stats(3, 3, 3, 3);
        assertEquals(0, constant.stddev(), 0);
        assertEquals(3, constant.p50(), 0);
    }

    @Test
    void anEmptyWindowFailsSayingWhatItHad() {
        InvalidTaskException e = assertThrows(
                InvalidTaskException.class,
                () -> WindowStats.of(Selections.withExcluded(new long[0], new double[0], 2)));
        assertTrue(e.getMessage().contains("it has 0 (2 NaN or infinite left out)"), e.getMessage());
    }

    @Test
    void theResultCarriesItsWindowAtTheTopLevelOfItsJson() {
        JsonNode json = Json.MAPPER.valueToTree(
                WindowStats.of(Selections.withExcluded(new long[] {0, 1}, new double[] {1, 3}, 1)));
        assertEquals(2, json.get("count").asInt());
        assertEquals(1, json.get("excluded").asInt());
        assertEquals("v", json.get("metric").asText());
        assertEquals(
                Selections.T0.minusSeconds(1).toString(),
                json.get("windowStart").asText());
        assertEquals(
                Selections.T0.plusSeconds(1).toString(), json.get("windowEnd").asText());
        assertEquals(2.0, json.get("mean").asDouble(), 0);
        assertTrue(Arrays.asList("p50", "p90", "p95", "p99", "variance", "sum").stream()
                .allMatch(json::has));
    }
}
