package io.tributary.api.status;

import io.tributary.contract.dlq.DeadLetterReason;
import java.time.Instant;
import java.util.Map;

/**
 * What {@code GET /sources} shows of one source, as this replica saw it since it started.
 *
 * @param name the source's configured name
 * @param source the CloudEvents source of its events
 * @param polled whether it is polled; {@code webhook} whether it accepts webhooks
 * @param state {@code OK}, {@code FAILING} (the last poll failed: see {@code lastError}) or {@code IDLE} (neither
 *     polled nor sent a webhook here yet: a source another replica polls stays IDLE here, see {@code lease})
 * @param lease {@code HELD} when this replica polls the source, {@code ELSEWHERE} when another one does
 * @param lastSuccess when a poll last succeeded here, or a webhook delivery was accepted
 * @param nextPoll when the next poll is due here: the schedule's next time, or later while backing off
 * @param consecutiveFailures failed polls since the last success
 * @param polls polls run here; {@code requests} HTTP requests they sent; {@code notModified} 304 answers
 * @param webhookDeliveries webhook deliveries accepted; {@code webhookRefused} refused (signature, replay, size)
 * @param events events Kafka acknowledged; {@code duplicates} records seen before, not published again
 * @param deadLetters dead letters Kafka acknowledged, by reason
 * @param lastError the latest failed poll, dead letter or refused delivery, or null
 */
public record SourceStatus(
        String name,
        String source,
        boolean polled,
        boolean webhook,
        String state,
        String lease,
        Instant lastSuccess,
        Instant nextPoll,
        int consecutiveFailures,
        long polls,
        long requests,
        long notModified,
        long webhookDeliveries,
        long webhookRefused,
        long events,
        long duplicates,
        Map<DeadLetterReason, Long> deadLetters,
        LastError lastError) {

    /** @param reason a dead-letter reason, or the failure of a poll or delivery ({@code HTTP_503}, {@code NETWORK}) */
    public record LastError(String reason, String detail, Instant at) {}
}
