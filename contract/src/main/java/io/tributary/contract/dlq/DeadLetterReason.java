package io.tributary.contract.dlq;

/** Machine-readable reasons for rejecting input. */
public enum DeadLetterReason {
    /** The payload is not the JSON the source is configured for. */
    MALFORMED_PAYLOAD,
    /** Valid JSON, but a required field is missing or of the wrong type. */
    INVALID_FIELD,
    /** The event's envelope (CloudEvent attributes) breaks the contract. */
    INVALID_ENVELOPE
}
