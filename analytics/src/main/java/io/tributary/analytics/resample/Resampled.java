package io.tributary.analytics.resample;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tributary.analytics.analysis.Buckets;
import io.tributary.analytics.analysis.Selection;
import io.tributary.analytics.analysis.WindowInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The result of {@code resample}: one value per step of event time (buckets aligned on the epoch,
 * [start, start + step)); steps without a value are left out.
 */
public record Resampled(@JsonUnwrapped WindowInfo window, double stepSeconds, String aggregate, List<Bucket> buckets) {

    /** @param count the values the bucket's value was made of */
    public record Bucket(Instant start, double value, int count) {}

    static Resampled of(Selection selection, long stepMillis, Aggregate aggregate) {
        List<Bucket> buckets = new ArrayList<>();
        for (Map.Entry<Long, double[]> bucket :
                Buckets.of(selection.points(), stepMillis).entrySet()) {
            double[] values = bucket.getValue();
            buckets.add(new Bucket(Instant.ofEpochMilli(bucket.getKey()), aggregate.apply(values), values.length));
        }
        return new Resampled(selection.info(), stepMillis / 1000.0, aggregate.parameterValue(), buckets);
    }
}
