package io.tributary.iot.payload;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.Payloads.RejectedPayloadException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Reads a JSON time field in the subscription's {@link TimeFormat}. */
final class EventTimes {
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private EventTimes() {}

    static Instant read(JsonNode value, String field, TimeFormat format) {
        try {
            return switch (format) {
                case AUTO -> value.isIntegralNumber() ? epoch(value, THOUSAND) : rfc3339(value);
                case RFC3339 -> rfc3339(value);
                case EPOCH_SECONDS -> epoch(value, BigDecimal.ONE);
                case EPOCH_MILLIS -> epoch(value, THOUSAND);
            };
        } catch (DateTimeException | ArithmeticException | IllegalArgumentException e) {
            throw new RejectedPayloadException(
                    DeadLetterReason.INVALID_FIELD,
                    "field '" + field + "' is not a time in format " + format + ": " + abbreviate(value));
        }
    }

    /** Seconds since the epoch, exactly (to the nanosecond) as the decimal says. */
    static Instant epochSeconds(BigDecimal seconds) {
        BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
        int nanos = seconds.subtract(whole)
                .movePointRight(9)
                .setScale(0, RoundingMode.HALF_EVEN)
                .intValueExact();
        return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    }

    private static Instant epoch(JsonNode value, BigDecimal unitsPerSecond) {
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            throw new IllegalArgumentException("not a finite number");
        }
        return epochSeconds(value.decimalValue().divide(unitsPerSecond));
    }

    private static Instant rfc3339(JsonNode value) {
        if (!value.isTextual()) {
            throw new IllegalArgumentException("not text");
        }
        try {
            return OffsetDateTime.parse(value.textValue()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String abbreviate(JsonNode value) {
        String text = value.toString();
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }
}
