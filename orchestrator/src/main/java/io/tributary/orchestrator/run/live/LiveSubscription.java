package io.tributary.orchestrator.run.live;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.smallrye.mutiny.subscription.Cancellable;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Supplier;

/**
 * One subscriber's place on the live feed, registered when it is made, so that nothing broadcast from
 * {@link #from()} on is missed while the subscriber first replays the past. Its queue is bounded: when it is full,
 * the subscriber's stream ends with a {@link io.smallrye.mutiny.subscription.BackPressureFailure} after the queued
 * changes, rather than the feed waiting for it or memory growing without bound.
 */
public final class LiveSubscription {
    private final UnicastProcessor<LiveChange> queue;
    private final Cancellable registration;
    private final Positions from;
    private volatile boolean closed;

    /**
     * @param feed the broadcast, already narrowed to what the subscriber wants
     * @param position the feed's positions, read once registered (see {@link LiveChanges#publish})
     */
    LiveSubscription(Multi<LiveChange> feed, int capacity, Supplier<Positions> position) {
        this.queue = UnicastProcessor.create(new ArrayBlockingQueue<>(capacity), this::close);
        this.registration = feed.subscribe().with(queue::onNext, queue::onError, queue::onComplete);
        this.from = position.get();
        if (closed) {
            registration.cancel();
        }
    }

    /**
     * Where the feed stood once this subscription was registered: every change after it reaches the queue, and a
     * change broadcast while it registered may too (one {@link Positions#covers}: to be dropped).
     */
    public Positions from() {
        return from;
    }

    /** The changes, to one subscriber. */
    public Multi<LiveChange> changes() {
        return queue;
    }

    /** Leaves the feed; also done when the queue overflows or ends, or its subscriber cancels. */
    public void close() {
        closed = true;
        if (registration != null) {
            registration.cancel();
        }
    }
}
