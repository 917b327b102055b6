package io.tributary.contract.dlq;

import java.time.Instant;

/**
 * A rejected input on {@code tributary.events.dlq}: enough to see why it was refused and to replay it once fixed.
 *
 * @param source the ingest source the input came through, e.g. {@code /iot/plant-sensors}
 * @param origin where exactly it came from (MQTT topic, URL, upstream topic/partition/offset)
 * @param reason a machine-readable reason code
 * @param detail what was wrong, for a person
 * @param raw the payload as received (UTF-8 text; bytes that are not UTF-8 are replaced)
 */
public record DeadLetter(
        String source, String origin, DeadLetterReason reason, String detail, String raw, Instant receivedAt) {}
