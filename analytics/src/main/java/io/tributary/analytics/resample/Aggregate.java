package io.tributary.analytics.resample;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/** How {@code resample} turns a bucket's values (in time order) into one. */
enum Aggregate {
    MEAN(StatUtils::mean),
    SUM(StatUtils::sum),
    MIN(StatUtils::min),
    MAX(StatUtils::max),
    COUNT(values -> values.length),
    FIRST(values -> values[0]),
    LAST(values -> values[values.length - 1]),
    MEDIAN(values -> new Median().evaluate(values));

    private final ToDoubleFunction<double[]> function;

    Aggregate(ToDoubleFunction<double[]> function) {
        this.function = function;
    }

    double apply(double[] values) {
        return function.applyAsDouble(values);
    }

    String parameterValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static List<String> parameterValues() {
        return Arrays.stream(values()).map(Aggregate::parameterValue).toList();
    }
}
