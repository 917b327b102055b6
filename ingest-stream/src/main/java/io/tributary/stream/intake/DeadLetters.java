package io.tributary.stream.intake;

import io.tributary.contract.dlq.DeadLetter;
import io.tributary.contract.event.Payloads.RejectedPayloadException;
import io.tributary.stream.delivery.Delivery;
import io.tributary.stream.mapping.JsonBodies;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * The dead letter of a rejected delivery, its raw body byte-exact: its text when the bytes are UTF-8, else base64
 * with {@code rawEncoding}. A body past the size limit keeps its first {@code limit} bytes, so that the letter itself
 * fits in a Kafka record; the detail then says how large it was.
 */
final class DeadLetters {
    private DeadLetters() {}

    static DeadLetter of(String source, Delivery delivery, RejectedPayloadException rejection, Instant at, int limit) {
        byte[] body = delivery.body();
        boolean truncated = body.length > limit;
        byte[] kept = truncated ? Arrays.copyOf(body, limit) : body;
        String detail = truncated
                ? rejection.getMessage() + "; raw holds the first " + limit + " of " + body.length + " bytes"
                : rejection.getMessage();
        String text;
        try {
            text = JsonBodies.utf8(kept);
        } catch (RejectedPayloadException notText) {
            return new DeadLetter(
                    source,
                    delivery.origin(),
                    rejection.reason(),
                    detail,
                    Base64.getEncoder().encodeToString(kept),
                    at,
                    DeadLetter.BASE64);
        }
        return new DeadLetter(source, delivery.origin(), rejection.reason(), detail, text, at);
    }
}
