package io.tributary.contract.dlq;

/** Machine-readable reasons for rejecting input. */
public enum DeadLetterReason {
    /** The payload is not the JSON the source is configured for. */
    MALFORMED_PAYLOAD,
    /** Valid JSON, but a required field is missing or of the wrong type. */
    INVALID_FIELD,
    /** The event's envelope (CloudEvent attributes) breaks the contract. */
    INVALID_ENVELOPE,
    /** Larger than the source accepts; {@code raw} then holds only the start of the payload. */
    OVERSIZE_PAYLOAD,
    /** Nested deeper than the source accepts. */
    NESTING_TOO_DEEP,
    /** Not in any of the payload formats the source reads. */
    UNKNOWN_FORMAT,
    /** A reading that should be a number is not one (a string, a boolean, no value at all). */
    NON_NUMERIC_VALUE,
    /** A reading that is NaN, ±Infinity or too large for a double: the contract's metrics are finite numbers. */
    NON_FINITE_VALUE,
    /** The event time lies outside the window the source accepts around the time of receipt. */
    TIMESTAMP_OUT_OF_WINDOW
}
