package io.tributary.iot.intake;

import io.tributary.contract.dlq.DeadLetter;
import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.iot.payload.Identities;
import io.tributary.iot.payload.Utf8;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Builds the dead letter of a rejected MQTT payload. The raw payload is kept byte-exact: as text when it is valid
 * UTF-8, else in base64. A payload larger than the limit keeps only its first {@code limit} bytes (with its size and
 * SHA-256 in the detail), so every dead letter fits in a Kafka record.
 */
final class DeadLetters {
    private DeadLetters() {}

    static DeadLetter of(
            String source,
            String topic,
            DeadLetterReason reason,
            String detail,
            byte[] payload,
            Instant receivedAt,
            int limit) {
        byte[] kept = payload.length > limit ? Arrays.copyOf(payload, limit) : payload;
        String fullDetail = kept == payload
                ? detail
                : detail + "; raw holds the first " + limit + " of " + payload.length + " bytes, SHA-256 of all: "
                        + Identities.sha256Hex(payload);
        Optional<String> text = Utf8.decode(kept);
        return text.map(raw -> new DeadLetter(source, origin(topic), reason, fullDetail, raw, receivedAt))
                .orElseGet(() -> new DeadLetter(
                        source,
                        origin(topic),
                        reason,
                        fullDetail,
                        Base64.getEncoder().encodeToString(kept),
                        receivedAt,
                        DeadLetter.BASE64));
    }

    /** The same letter without its raw payload, for when Kafka refused the letter itself. */
    static DeadLetter withoutRaw(DeadLetter letter, Throwable refusal) {
        return new DeadLetter(
                letter.source(),
                letter.origin(),
                letter.reason(),
                letter.detail() + "; the raw payload was dropped: Kafka refused the dead letter (" + refusal + ")",
                null,
                letter.receivedAt());
    }

    private static String origin(String topic) {
        return "mqtt:" + topic;
    }
}
