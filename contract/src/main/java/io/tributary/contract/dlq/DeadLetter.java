package io.tributary.contract.dlq;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A rejected input on {@code tributary.events.dlq}: enough to see why it was refused and to replay it once fixed.
 *
 * @param source the ingest source the input came through, e.g. {@code /iot/plant-sensors}
 * @param origin where exactly it came from (MQTT topic, URL, upstream topic/partition/offset)
 * @param reason a machine-readable reason code
 * @param detail what was wrong, for a person
 * @param raw the payload as received: UTF-8 text, or base64 when {@code rawEncoding} says so
 * @param rawEncoding absent when {@code raw} is the payload's text, {@value #BASE64} when the payload is not valid
 *     UTF-8 and {@code raw} holds its bytes in base64
 */
public record DeadLetter(
        String source,
        String origin,
        DeadLetterReason reason,
        String detail,
        String raw,
        Instant receivedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String rawEncoding) {
    public static final String BASE64 = "base64";

    /** A dead letter whose raw payload is text. */
    public DeadLetter(
            String source, String origin, DeadLetterReason reason, String detail, String raw, Instant receivedAt) {
        this(source, origin, reason, detail, raw, receivedAt, null);
    }
}
