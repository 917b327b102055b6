package io.tributary.iot.device;

import io.tributary.contract.dlq.DeadLetterReason;
import java.time.Instant;

/**
 * What ingest-iot has seen of one device since it started.
 *
 * @param messages MQTT messages received from it
 * @param deadLetters of those, the ones rejected
 * @param lastError the latest rejection, or null
 */
public record DeviceStatus(
        String source,
        String device,
        Instant firstSeen,
        Instant lastSeen,
        long messages,
        long deadLetters,
        LastError lastError) {

    public record LastError(DeadLetterReason reason, String detail, Instant at) {}
}
