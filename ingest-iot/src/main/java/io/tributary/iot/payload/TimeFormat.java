package io.tributary.iot.payload;

/** How a JSON object's time field reads. */
public enum TimeFormat {
    /** RFC 3339 text, or an integral number of epoch milliseconds. */
    AUTO,
    /** RFC 3339 text with an offset, e.g. {@code 2026-01-01T10:00:00Z}. */
    RFC3339,
    /** Seconds since the epoch, fractions allowed. */
    EPOCH_SECONDS,
    /** Milliseconds since the epoch, fractions allowed. */
    EPOCH_MILLIS
}
