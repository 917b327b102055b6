package io.tributary.orchestrator.run.live;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureFailure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code GET /runs/{id}/events}: one run's state history, then its changes as they happen. PostgreSQL is the
 * record: the event id is the history entry's id, and a live change from Kafka only says "there is more" — it
 * carries no history id — so the stream reads the entries after the last one it sent. Nothing is sent twice or
 * skipped, whatever the order in which the database and Kafka are seen, and signals that pile up while a read is
 * under way count as one.
 */
@ApplicationScoped
public class RunEvents {
    private static final int PAGE = 200;

    private final RunHistory history;
    private final LiveChanges live;
    private final LiveConfig config;

    public RunEvents(RunHistory history, LiveChanges live, LiveConfig config) {
        this.history = history;
        this.live = live;
        this.config = config;
    }

    /** @param afterId the id of the last event the client received (0: the whole history) */
    public Multi<OutboundSseEvent> open(Sse sse, UUID runId, long afterId) {
        Executor requestContext = onContext(Vertx.currentContext());
        return Multi.createFrom()
                .deferred(() -> {
                    LiveSubscription subscription =
                            live.subscribe(change -> change.flowRunId().equals(runId), config.buffer());
                    AtomicLong last = new AtomicLong(afterId);
                    // The first signal reads the history; the subscription was registered before it, so a change
                    // committed
                    // after that read signals again.
                    return Multi.createBy()
                            .concatenating()
                            .streams(
                                    Multi.createFrom().item(true),
                                    subscription.changes().map(change -> true))
                            .emitOn(requestContext)
                            .onOverflow()
                            .dropPreviousItems()
                            .onItem()
                            .transformToMultiAndConcatenate(signal -> entriesAfter(sse, runId, last))
                            .onTermination()
                            .invoke(subscription::close);
                })
                // Only if the request's event loop stalls with a full queue of signals.
                .onFailure(BackPressureFailure.class)
                .recoverWithItem(() -> SseEvents.dropped(sse, config.buffer()));
    }

    /** The entries after {@code last}, page by page until a page is not full, moving {@code last} as each is read. */
    private Multi<OutboundSseEvent> entriesAfter(Sse sse, UUID runId, AtomicLong last) {
        return Multi.createBy()
                .repeating()
                .uni(() -> history.since(runId, last.get(), PAGE).invoke(entries -> {
                    if (!entries.isEmpty()) {
                        last.set(entries.get(entries.size() - 1).id());
                    }
                }))
                .whilst(entries -> entries.size() == PAGE)
                .onItem()
                .<RunHistory.Entry>disjoint()
                .map(entry -> SseEvents.change(sse, Long.toString(entry.id()), entry.change()));
    }

    /** Reads start from the request's Vert.x context, where the reactive client expects its callers. */
    private static Executor onContext(Context context) {
        return task -> {
            if (context == null || Vertx.currentContext() == context) {
                task.run();
            } else {
                context.runOnContext(ignored -> task.run());
            }
        };
    }
}
