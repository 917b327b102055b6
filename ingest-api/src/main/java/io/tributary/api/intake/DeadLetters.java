package io.tributary.api.intake;

import io.tributary.api.mapping.ContentHash;
import io.tributary.contract.dlq.DeadLetter;
import io.tributary.contract.event.Payloads.RejectedPayloadException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * The dead letter of a rejected body or record, with its raw text. A text past the limit keeps its first
 * {@code limit} bytes, so that the letter fits in a Kafka record; the detail then gives the size and SHA-256 of the
 * whole, to match it with the sender's copy.
 */
public final class DeadLetters {
    private DeadLetters() {}

    public static DeadLetter of(
            String source, String origin, RejectedPayloadException rejection, String raw, Instant at, int limit) {
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= limit) {
            return new DeadLetter(source, origin, rejection.reason(), rejection.getMessage(), raw, at);
        }
        String detail = rejection.getMessage() + "; raw holds the first " + limit + " of " + bytes.length
                + " bytes, whose " + ContentHash.of(bytes);
        String kept = new String(Arrays.copyOf(bytes, limit), StandardCharsets.UTF_8);
        return new DeadLetter(source, origin, rejection.reason(), detail, kept, at);
    }
}
