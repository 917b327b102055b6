package io.tributary.orchestrator.run.live;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tributary.contract.run.RunChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * Replays for one resuming subscriber what {@code tributary.runs} holds from the position it resumes from up to
 * where its live subscription took over ({@link #until()}), with a Kafka consumer and a thread of its own that last
 * only as long as the replay. Polls only as fast as the subscriber takes the changes.
 */
final class CatchUp {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, Object> kafka;
    private final Positions from;
    private final Positions live;
    private final ExecutorService thread =
            Executors.newSingleThreadExecutor(RunsTopicReader.threads("run-stream-catch-up"));
    /** Used on {@link #thread} only. */
    private RunsTopicReader reader;
    /** What the replay offered so far, matching the filter or not: the id of each change it emits. */
    private Positions reached;

    private volatile Positions until;

    /**
     * @param from where the subscriber resumes
     * @param live where its live subscription starts
     */
    CatchUp(Map<String, Object> kafka, Positions from, Positions live) {
        this.kafka = kafka;
        this.from = from;
        this.live = live;
    }

    /**
     * The changes the filter accepts, each with the positions that resume right after it. Completes once every
     * partition is read up to {@link #until()}; the consumer and its thread end then, or when the subscriber leaves.
     */
    Multi<LiveChange> changes(Predicate<RunChange> filter) {
        return Multi.createFrom()
                .resource(
                        () -> this,
                        self -> Multi.createBy()
                                .repeating()
                                .uni(() -> Uni.createFrom()
                                        .item(() -> next(filter))
                                        .runSubscriptionOn(thread))
                                .whilst(batch -> !batch.done()))
                .withFinalizer(CatchUp::close)
                .onItem()
                .transformToIterable(Batch::changes);
    }

    /**
     * Where the live subscription takes over, per partition: where it started, or further where the subscriber is
     * already further (an id from a replica whose feed is ahead), never past the topic's end. Known once the replay
     * completed.
     */
    Positions until() {
        return until;
    }

    private Batch next(Predicate<RunChange> filter) {
        if (reader == null) {
            open();
        }
        List<LiveChange> changes = new ArrayList<>();
        if (!caughtUp()) {
            for (LiveChange change : reader.poll(POLL)) {
                // Records from the take-over point on reach the subscriber through its live subscription.
                if (until.covers(change.partition(), change.offset())) {
                    reached = reached.with(change.partition(), change.offset() + 1);
                    if (filter.test(change.change())) {
                        changes.add(change.at(reached));
                    }
                }
            }
        }
        return new Batch(changes, caughtUp());
    }

    private void open() {
        reader = new RunsTopicReader(kafka, "catch-up");
        Set<Integer> partitions = reader.partitions(LOOKUP_TIMEOUT);
        Map<Integer, Long> ends = reader.ends(partitions);
        Positions target = Positions.NONE;
        for (int partition : partitions) {
            target = target.with(
                    partition, Math.max(Math.min(from.of(partition), ends.get(partition)), live.of(partition)));
        }
        until = target;
        reader.assignFrom(partitions, from);
        reached = reader.positions();
    }

    private boolean caughtUp() {
        return until.partitions().stream().allMatch(partition -> reader.position(partition) >= until.of(partition));
    }

    private Uni<Void> close() {
        return Uni.createFrom()
                .item(() -> {
                    if (reader != null) {
                        reader.close();
                    }
                    return true;
                })
                .runSubscriptionOn(thread)
                .eventually(thread::shutdown)
                .replaceWithVoid();
    }

    private record Batch(List<LiveChange> changes, boolean done) {}
}
