package io.tributary.stream.status;

import io.tributary.contract.dlq.DeadLetterReason;
import java.time.Instant;
import java.util.Map;

/**
 * What {@code GET /sources} shows of one source since ingest-stream started.
 *
 * @param name the source's channel name
 * @param connector {@code smallrye-kafka}, {@code smallrye-rabbitmq} or {@code smallrye-pulsar}
 * @param state {@code RUNNING}, or {@code FAILED} when the channel stopped (see {@code failure})
 * @param messagesIn messages received from the upstream broker
 * @param eventsOut events Kafka acknowledged
 * @param deadLetters dead letters Kafka acknowledged, by reason
 * @param inFlight messages received and not yet settled (published or dead-lettered, then acknowledged upstream)
 * @param inPerSecond messages received per second over the last minute
 * @param outPerSecond events acknowledged per second over the last minute
 * @param lagMillis the latest message's time from its upstream broker (or its receipt) to Kafka's acknowledgement
 * @param maxLagMillis the largest such time
 * @param lastError the latest rejected message or channel failure, or null
 */
public record SourceStatus(
        String name,
        String connector,
        String source,
        String state,
        long messagesIn,
        long eventsOut,
        Map<DeadLetterReason, Long> deadLetters,
        long inFlight,
        double inPerSecond,
        double outPerSecond,
        long lagMillis,
        long maxLagMillis,
        Instant lastMessageAt,
        LastError lastError) {

    /** @param reason a dead-letter reason, or {@code CHANNEL_FAILED} */
    public record LastError(String reason, String detail, Instant at) {}
}
