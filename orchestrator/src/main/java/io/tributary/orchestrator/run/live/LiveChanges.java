package io.tributary.orchestrator.run.live;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.tributary.contract.run.RunChange;
import jakarta.inject.Singleton;
import java.util.function.Predicate;

/**
 * The changes this replica reads from {@code tributary.runs}, broadcast to every live subscriber. The feed never
 * waits for a subscriber: each has a bounded queue of its own ({@link LiveSubscription}). One thread publishes.
 */
@Singleton
public final class LiveChanges {
    private final BroadcastProcessor<LiveChange> broadcast = BroadcastProcessor.create();
    private volatile Positions position = Positions.NONE;

    /**
     * Moves the position first, then broadcasts: a subscriber that registers meanwhile and misses the change reads
     * a position past it, so the change counts as before its start rather than silently lost.
     */
    void publish(LiveChange change) {
        position = change.after();
        broadcast.onNext(change);
    }

    /** The reader moved without a change to publish (partitions assigned, records skipped). */
    void moved(Positions positions) {
        position = positions;
    }

    /** Ends every subscriber's stream: the replica is stopping. */
    void close() {
        broadcast.onComplete();
    }

    public Positions position() {
        return position;
    }

    /**
     * Every change from now on, for an observer on this replica that takes each at once (it must request without
     * bound, as {@code subscribe().with(...)} does): the feed does not wait for it.
     */
    public Multi<RunChange> all() {
        return broadcast.map(LiveChange::change);
    }

    /** A subscriber to the changes the filter accepts, with a queue of {@code capacity} changes. */
    public LiveSubscription subscribe(Predicate<RunChange> filter, int capacity) {
        return new LiveSubscription(
                broadcast.select().where(change -> filter.test(change.change())), capacity, this::position);
    }
}
