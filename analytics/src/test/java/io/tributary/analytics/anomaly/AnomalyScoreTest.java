package io.tributary.analytics.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.analytics.analysis.Selections;
import io.tributary.analytics.task.InvalidTaskException;
import org.junit.jupiter.api.Test;

/** {@code zscore}, {@code mad} and {@code ewma}, worked by hand. */
class AnomalyScoreTest {
    private static AnomalyScore score(
            java.util.function.Function<double[], Baseline> fit, double threshold, int minPoints, double... values) {
        return AnomalyScore.of(Selections.of(values), fit, threshold, minPoints);
    }

    @Test
    void zScoreOfTheNewestAgainstThePointsBefore() {
        // Baseline 1..5: mean 3, sample sd √2.5; (10 − 3) / √2.5 = 4.42719.
        AnomalyScore score = score(ZScoreTask::fit, 3, 5, 1, 2, 3, 4, 5, 10);
        assertEquals(3, score.baseline(), 1e-12);
        assertEquals(Math.sqrt(2.5), score.spread(), 1e-12);
        assertEquals(4.427188724235731, score.score(), 1e-12);
        assertEquals(5, score.baselinePoints());
        assertTrue(score.anomaly());
        assertFalse(score(ZScoreTask::fit, 3, 5, 1, 2, 3, 4, 5, 6).anomaly(), "(6 − 3) / 1.58 = 1.9");
    }

    @Test
    void nothingIsFlaggedDuringTheWarmUp() {
        AnomalyScore score = score(ZScoreTask::fit, 3, 6, 1, 2, 3, 4, 5, 10);
        assertTrue(score.warmingUp());
        assertFalse(score.anomaly());
        assertEquals(4.427188724235731, score.score(), 1e-12, "the score is still given");
    }

    @Test
    void aConstantBaselineHasNoScoreAndAnyOtherValueIsAnAnomaly() {
        AnomalyScore same = score(ZScoreTask::fit, 3, 2, 4, 4, 4, 4);
        assertNull(same.score());
        assertFalse(same.anomaly());
        AnomalyScore different = score(MadTask::fit, 3.5, 2, 4, 4, 4, 5);
        assertNull(different.score());
        assertTrue(different.anomaly());
    }

    @Test
    void madIsTheModifiedZScoreAndIgnoresTheOutlierInItsBaseline() {
        // Baseline 1, 2, 3, 4, 100: median 3; |x − 3| = 2, 1, 0, 1, 97 → MAD 1; 0.6745 · (10 − 3) / 1 = 4.7215.
        AnomalyScore score = score(MadTask::fit, 3.5, 5, 1, 2, 3, 4, 100, 10);
        assertEquals(3, score.baseline(), 0);
        assertEquals(1, score.spread(), 0);
        assertEquals(4.7215, score.score(), 1e-12);
        assertTrue(score.anomaly());
        // The z-score of the same window is dragged down by the outlier in its baseline: (10 − 22) / 43.6 = −0.28.
        assertFalse(score(ZScoreTask::fit, 3, 5, 1, 2, 3, 4, 100, 10).anomaly());
    }

    @Test
    void ewmaFollowsTheWeightedRecurrence() {
        // alpha 0.5 over 2, 4: mean 2 → 2 + 0.5·2 = 3; variance 0 → 0.5·(0 + 2·1) = 1; (6 − 3) / 1 = 3.
        AnomalyScore score = score(values -> EwmaTask.fit(values, 0.5), 2.5, 2, 2, 4, 6);
        assertEquals(3, score.baseline(), 1e-12);
        assertEquals(1, score.spread(), 1e-12);
        assertEquals(3, score.score(), 1e-12);
        assertTrue(score.anomaly());
        assertFalse(score(values -> EwmaTask.fit(values, 0.5), 3, 2, 2, 4, 6).anomaly(), "3 is not above 3");
    }

    @Test
    void onePointLeavesNoBaseline() {
        assertThrows(InvalidTaskException.class, () -> score(ZScoreTask::fit, 3, 1, 7));
    }
}
