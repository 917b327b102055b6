package io.tributary.stream.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.Payloads.RejectedPayloadException;
import java.util.OptionalDouble;

/** Metric values: finite doubles, from a JSON number or from text that holds one (a header, a text body). */
final class Numbers {
    private Numbers() {}

    static double finite(JsonNode number, String where) {
        return finite(number.doubleValue(), number.asText(), where);
    }

    static double metric(JsonNode value, String name) {
        String where = "metric '" + name + "'";
        if (value.isNumber()) {
            return finite(value, where);
        }
        OptionalDouble parsed = value.isTextual() ? parse(value.asText()) : OptionalDouble.empty();
        if (parsed.isEmpty()) {
            throw new RejectedPayloadException(
                    DeadLetterReason.NON_NUMERIC_VALUE, where + " is " + value + ", not a number");
        }
        return finite(parsed.getAsDouble(), value.asText(), where);
    }

    /** The number the text holds, if it holds one ("NaN" and "Infinity" included, to be refused as non-finite). */
    static OptionalDouble parse(String text) {
        try {
            return OptionalDouble.of(Double.parseDouble(text.trim()));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    private static double finite(double value, String written, String where) {
        if (!Double.isFinite(value)) {
            throw new RejectedPayloadException(
                    DeadLetterReason.NON_FINITE_VALUE, where + " is " + written + ", not a finite number");
        }
        return value;
    }
}
