package io.tributary.orchestrator.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.tributary.contract.trace.MessagingSpans;
import io.tributary.contract.trace.TraceHeaders;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Relays the outbox to Kafka in insertion order, deleting each batch once the broker acknowledged all of it.
 * Writers {@link #nudge()} it after they commit, so a state change is published within milliseconds; a scheduled
 * sweep catches what a crash left behind. One drain runs at a time in the whole cluster (an advisory lock; the other
 * replicas skip their turn), so messages leave in commit order. A crash between send and delete sends a batch again,
 * which consumers absorb (they are idempotent).
 */
@ApplicationScoped
public class OutboxRelay {
    static final String CHANNEL = "outbox";
    /**
     * Rows per drain. At most the Kafka sink's in-flight messages (its {@code max-inflight-messages}, 1024): a larger
     * drain overflows the emitter and fails every time (measured with 2,000: the relay stalled).
     */
    private static final int BATCH = 500;

    private static final long RELAY_BUSY_RETRY_MS = 20;
    /**
     * One relay at a time across replicas (the others skip their turn), in the order the changes were committed:
     * {@code created_at} is taken after the changed run was locked, and ids break ties within a transaction.
     */
    private static final String RELAY_LOCK = "select pg_try_advisory_xact_lock(hashtext('tributary.outbox'))";

    /**
     * Takes the next batch off the outbox in one statement; the deletion is undone (the transaction rolls back) when
     * a send fails. Plain SQL on the reactive client: the relay runs after every engine commit, and an ORM session
     * per drain cost more than the drain.
     */
    private static final String TAKE_BATCH = "with taken as (delete from outbox where id in (select id from outbox"
            + " order by created_at, id limit " + BATCH + ") returning *)"
            + " select topic, message_key, payload, traceparent from taken order by created_at, id";

    private final MutinyEmitter<String> emitter;
    private final Pool pool;
    private final Vertx vertx;
    private final Tracer tracer;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();

    public OutboxRelay(@Channel(CHANNEL) MutinyEmitter<String> emitter, Pool pool, Vertx vertx, Tracer tracer) {
        this.tracer = tracer;
        this.emitter = emitter;
        this.pool = pool;
        this.vertx = vertx;
    }

    // Delayed: the emitter is wired to Kafka only once messaging has started.
    @Scheduled(every = "${tributary.orchestrator.outbox-interval}", delayed = "5s")
    void sweep() {
        nudge();
    }

    /** Asks for a drain; coalesces with one already running, which then goes round once more. */
    public void nudge() {
        requested.set(true);
        if (draining.compareAndSet(false, true)) {
            // Off the caller's stack: a nudge comes from a committing transaction's callback.
            vertx.runOnContext(ignored -> drain());
        }
    }

    private void drain() {
        requested.set(false);
        pool.withTransaction(connection -> connection
                        .query(RELAY_LOCK)
                        .execute()
                        .flatMap(lock -> lock.iterator().next().getBoolean(0)
                                ? connection.query(TAKE_BATCH).execute().flatMap(this::send)
                                : Uni.createFrom().item(-1)))
                .subscribe()
                .with(
                        sent -> {
                            if (sent < 0) {
                                // Another replica is relaying; its drain may have started before this one's commit.
                                draining.set(false);
                                vertx.setTimer(RELAY_BUSY_RETRY_MS, id -> nudge());
                            } else {
                                finished(sent == BATCH);
                            }
                        },
                        failure -> {
                            Log.warnf("Outbox relay will retry: %s", failure.getMessage());
                            finished(false);
                        });
    }

    private void finished(boolean more) {
        draining.set(false);
        if (more || requested.get()) {
            nudge();
        }
    }

    private Uni<Integer> send(RowSet<Row> taken) {
        List<Row> batch = new ArrayList<>(taken.size());
        taken.forEach(batch::add);
        // Subscribed in list order, so the producer receives them in order; the idempotent producer keeps it.
        return Uni.join()
                .all(batch.stream().map(this::send).toList())
                .andFailFast()
                .replaceWith(batch.size());
    }

    /**
     * A row stored with its run's trace context is sent under a {@code publish <topic>} span, a child of it, whose
     * context the record carries ({@code traceparent}); a row without is sent without.
     */
    private Uni<Void> send(Row row) {
        String topic = row.getString("topic");
        String key = row.getString("message_key");
        String traceparent = row.getString("traceparent");
        if (traceparent == null) {
            return emitter.sendMessage(message(row, topic, key, new RecordHeaders()));
        }
        Context parent = TraceHeaders.fromTraceparent(traceparent);
        Span span =
                MessagingSpans.publish(tracer, "kafka", topic, parent).setAttribute(MessagingSpans.MESSAGE_KEY, key);
        return MessagingSpans.endedAfter(
                span, emitter.sendMessage(message(row, topic, key, TraceHeaders.of(parent.with(span)))));
    }

    private static Message<String> message(Row row, String topic, String key, Headers headers) {
        return Message.of(row.getString("payload"))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(topic)
                        .withKey(key)
                        .withHeaders(headers)
                        .build());
    }
}
