package io.tributary.orchestrator.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * After an outage the events of the silent minutes wait in the topic: no silence may be judged until the group's
 * commits reach the offsets the topic had then.
 */
class ProcessedThroughTest {
    private static final TopicPartition P0 = new TopicPartition("tributary.events", 0);
    private static final TopicPartition P1 = new TopicPartition("tributary.events", 1);
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private final ProcessedThrough watermark = new ProcessedThrough();

    @Test
    void aBacklogHoldsTheWatermarkUntilTheCommitsReachWhereTheTopicWas() {
        // Restarted with a backlog: nothing is judged.
        assertNull(watermark.moved(T0, Map.of(P0, 100L, P1, 50L), Map.of(P0, at(10), P1, at(50))));
        // More events arrive while the backlog is worked off; partition 0 is not there yet.
        assertNull(watermark.moved(T0.plusSeconds(1), Map.of(P0, 120L, P1, 60L), Map.of(P0, at(90), P1, at(55))));
        // The commits pass where the topic was at T0 (not yet where it was at T0 + 1 s): processed through T0.
        assertEquals(
                T0, watermark.moved(T0.plusSeconds(2), Map.of(P0, 130L, P1, 70L), Map.of(P0, at(100), P1, at(59))));
        // Caught up with the topic as it is now: processed through now.
        assertEquals(
                T0.plusSeconds(3),
                watermark.moved(T0.plusSeconds(3), Map.of(P0, 130L, P1, 70L), Map.of(P0, at(130), P1, at(70))));
    }

    @Test
    void anEmptyPartitionNeverHoldsItBack() {
        assertEquals(T0, watermark.moved(T0, Map.of(P0, 0L, P1, 5L), Map.of(P1, at(5))));
    }

    private static OffsetAndMetadata at(long offset) {
        return new OffsetAndMetadata(offset);
    }
}
