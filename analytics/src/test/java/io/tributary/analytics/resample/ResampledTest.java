package io.tributary.analytics.resample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.analytics.analysis.Selections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code resample}, worked by hand. */
class ResampledTest {
    @Test
    void bucketsAlignOnTheEpochAndAggregateTheirValues() {
        // 0..9 at seconds 0..9, steps of 5 s: [0, 5) holds 0..4, [5, 10) holds 5..9.
        double[] values = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        Resampled mean = Resampled.of(Selections.of(values), 5000, Aggregate.MEAN);
        assertEquals(
                List.of(2.0, 7.0),
                mean.buckets().stream().map(Resampled.Bucket::value).toList());
        assertEquals(
                List.of(5, 5),
                mean.buckets().stream().map(Resampled.Bucket::count).toList());
        assertEquals(Selections.T0.plusSeconds(5), mean.buckets().get(1).start());
        assertEquals(List.of(4.0, 9.0), values(Resampled.of(Selections.of(values), 5000, Aggregate.MAX)));
        assertEquals(List.of(10.0, 35.0), values(Resampled.of(Selections.of(values), 5000, Aggregate.SUM)));
        assertEquals(List.of(0.0, 5.0), values(Resampled.of(Selections.of(values), 5000, Aggregate.FIRST)));
        assertEquals(List.of(4.0, 9.0), values(Resampled.of(Selections.of(values), 5000, Aggregate.LAST)));
        assertEquals(List.of(5.0, 5.0), values(Resampled.of(Selections.of(values), 5000, Aggregate.COUNT)));
    }

    @Test
    void emptyStepsAreLeftOut() {
        Resampled resampled =
                Resampled.of(Selections.at(new long[] {0, 1, 25}, new double[] {1, 3, 8}), 10_000, Aggregate.MEDIAN);
        assertEquals(List.of(2.0, 8.0), values(resampled));
        assertEquals(Selections.T0.plusSeconds(20), resampled.buckets().get(1).start());
    }

    private static List<Double> values(Resampled resampled) {
        return resampled.buckets().stream().map(Resampled.Bucket::value).toList();
    }
}
