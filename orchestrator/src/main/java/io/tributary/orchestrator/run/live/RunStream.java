package io.tributary.orchestrator.run.live;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureFailure;
import io.tributary.contract.run.RunChange;
import io.tributary.orchestrator.problem.UnavailableProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * {@code GET /runs/stream}: the changes of every run, live, resumable without a gap. A subscriber registers on the
 * live feed first; when it resumes, the changes between its last event id and where the feed stood are replayed
 * from Kafka ({@link CatchUp}) while the live ones wait in its queue, then the queue takes over, less what the
 * replay already sent. Each event's id holds the Kafka positions that resume right after it, so any replica can
 * resume any stream; changes of one run arrive in order, as the topic is keyed by run.
 */
@ApplicationScoped
public class RunStream {
    private final LiveChanges live;
    private final Map<String, Object> kafka;
    private final LiveConfig config;
    private final AtomicInteger catchingUp = new AtomicInteger();

    public RunStream(
            LiveChanges live, @Identifier("default-kafka-broker") Map<String, Object> kafka, LiveConfig config) {
        this.live = live;
        this.kafka = kafka;
        this.config = config;
    }

    /** @param resumeFrom the positions of the last event the client received; null for a new subscriber */
    public Multi<OutboundSseEvent> open(Sse sse, Predicate<RunChange> filter, Positions resumeFrom) {
        // Checked before the stream: once it starts, its 200 is sent. A soft limit: resumes that pass the check
        // together may exceed it by their number.
        if (resumeFrom != null && catchingUp.get() >= config.maxCatchUps()) {
            throw new UnavailableProblem(
                    "Too many streams are resuming at once on this replica; try again in a second.", 1);
        }
        return Multi.createFrom()
                .deferred(() -> {
                    LiveSubscription subscription = live.subscribe(filter, config.buffer());
                    Multi<OutboundSseEvent> events = resumeFrom == null
                            ? Multi.createBy()
                                    .concatenating()
                                    .streams(
                                            Multi.createFrom()
                                                    .item(SseEvents.subscribed(sse, subscription.from(), false)),
                                            liveAfter(sse, subscription, subscription.from()))
                            : resumed(sse, filter, resumeFrom, subscription);
                    return events.onTermination().invoke(subscription::close);
                })
                .onFailure(BackPressureFailure.class)
                .recoverWithItem(() -> SseEvents.dropped(sse, config.buffer()));
    }

    private Multi<OutboundSseEvent> resumed(
            Sse sse, Predicate<RunChange> filter, Positions resumeFrom, LiveSubscription subscription) {
        CatchUp catchUp = new CatchUp(kafka, resumeFrom, subscription.from());
        return Multi.createBy()
                .concatenating()
                .streams(
                        Multi.createFrom().item(SseEvents.subscribed(sse, resumeFrom, true)),
                        // Counted while the replay's consumer lives: from its subscription to its end, whatever ends
                        // it.
                        Multi.createFrom().deferred(() -> {
                            catchingUp.incrementAndGet();
                            return catchUp.changes(filter)
                                    .onTermination()
                                    .invoke(catchingUp::decrementAndGet)
                                    .map(change ->
                                            SseEvents.change(sse, change.after().encode(), change.change()));
                        }),
                        Multi.createFrom().deferred(() -> liveAfter(sse, subscription, catchUp.until())));
    }

    /**
     * The subscription's changes past {@code start}, each with an id that also covers {@code start}: a change the
     * queue holds from before it (registration raced with the feed, or the replay already sent it) is dropped.
     */
    private static Multi<OutboundSseEvent> liveAfter(Sse sse, LiveSubscription subscription, Positions start) {
        return subscription
                .changes()
                .select()
                .where(change -> !start.covers(change.partition(), change.offset()))
                .map(change ->
                        SseEvents.change(sse, change.after().atLeast(start).encode(), change.change()));
    }
}
