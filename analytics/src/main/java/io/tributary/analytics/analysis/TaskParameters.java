package io.tributary.analytics.analysis;

import io.tributary.analytics.task.InvalidTaskException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A task's parameters, read with the checks their schema states: the orchestrator validated them when the flow was
 * saved, but a {@code {{ expression }}} is known only when the task runs. Every refusal names the parameter.
 */
public final class TaskParameters {
    private final Map<String, Object> values;

    public TaskParameters(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    public boolean has(String name) {
        return values.get(name) != null;
    }

    public String string(String name) {
        return optionalString(name).orElseThrow(() -> invalid(name, "is required and must be a non-empty string"));
    }

    public Optional<String> optionalString(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String) || ((String) value).isBlank()) {
            throw invalid(name, "must be a non-empty string");
        }
        return Optional.of((String) value);
    }

    /** One of the allowed strings, or the default when absent. */
    public String oneOf(String name, List<String> allowed, String defaultValue) {
        String value = optionalString(name).orElse(defaultValue);
        if (!allowed.contains(value)) {
            throw invalid(name, "must be one of " + allowed + "; got '" + value + "'");
        }
        return value;
    }

    /** A finite number in [min, max] (either bound exclusive as asked). */
    public double number(String name, double min, boolean minExclusive, double max) {
        return optionalNumber(name, min, minExclusive, max)
                .orElseThrow(() -> invalid(name, "is required and must be a number"));
    }

    public Optional<Double> optionalNumber(String name, double min, boolean minExclusive, double max) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Number) || !Double.isFinite(((Number) value).doubleValue())) {
            throw invalid(name, "must be a finite number");
        }
        double number = ((Number) value).doubleValue();
        if (number < min || (minExclusive && number == min) || number > max) {
            throw invalid(
                    name,
                    "must be " + (minExclusive ? "greater than " : "at least ") + min + " and at most " + max + "; got "
                            + number);
        }
        return Optional.of(number);
    }

    /** An integer in [min, max], or the default when absent. */
    public int integer(String name, int min, int max, int defaultValue) {
        return optionalNumber(name, min, false, max)
                .map(number -> {
                    if (number != Math.rint(number)) {
                        throw invalid(name, "must be an integer; got " + number);
                    }
                    return number.intValue();
                })
                .orElse(defaultValue);
    }

    public boolean bool(String name, boolean defaultValue) {
        Object value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof Boolean)) {
            throw invalid(name, "must be true or false");
        }
        return (Boolean) value;
    }

    public static InvalidTaskException invalid(String name, String problem) {
        return new InvalidTaskException("parameter '" + name + "' " + problem);
    }
}
