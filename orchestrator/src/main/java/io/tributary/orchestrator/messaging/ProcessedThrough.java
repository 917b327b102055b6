package io.tributary.orchestrator.messaging;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The latest instant {@code t} such that the group's committed offsets have since reached the end offsets the topic
 * had at {@code t}: every event produced before {@code t} has been processed. Fed one check at a time.
 */
public final class ProcessedThrough {
    /**
     * End offsets remembered while waiting for the commits to reach them. Past this many every other one is dropped,
     * never the oldest: under a lag longer than this many checks, the oldest are the ones the commits reach next.
     */
    private static final int MAX_PENDING = 120;

    private final Deque<Pending> pending = new ArrayDeque<>();
    private Instant through;

    private record Pending(Instant at, Map<TopicPartition, Long> ends) {}

    private record Positions(Map<TopicPartition, Long> ends, Map<TopicPartition, OffsetAndMetadata> committed) {
        boolean reached(Map<TopicPartition, Long> ends) {
            return ends.entrySet().stream().allMatch(end -> {
                OffsetAndMetadata done = committed.get(end.getKey());
                return end.getValue() == 0 || (done != null && done.offset() >= end.getValue());
            });
        }
    }

    /** One check: the topic's end offsets and the group's committed ones, at {@code now}; null until caught up once. */
    public synchronized Instant moved(
            Instant now, Map<TopicPartition, Long> ends, Map<TopicPartition, OffsetAndMetadata> committed) {
        return moved(now, new Positions(ends, committed));
    }

    private synchronized Instant moved(Instant now, Positions positions) {
        while (!pending.isEmpty() && positions.reached(pending.peekFirst().ends())) {
            through = pending.pollFirst().at();
        }
        if (positions.reached(positions.ends())) {
            through = now;
            pending.clear();
        } else {
            if (pending.size() == MAX_PENDING) {
                thin();
            }
            pending.addLast(new Pending(now, positions.ends()));
        }
        return through;
    }

    private void thin() {
        Iterator<Pending> kept = pending.iterator();
        for (int i = 0; kept.hasNext(); i++) {
            kept.next();
            if (i % 2 == 1) {
                kept.remove();
            }
        }
    }
}
