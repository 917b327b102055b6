package io.tributary.orchestrator.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.tributary.orchestrator.OrchestratorConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code tributary.outbox.backlog}: outbox rows not yet relayed to Kafka, counted every
 * {@code metrics.outbox-backlog-interval} up to {@code metrics.outbox-backlog-cap}. The gauge reads the last count:
 * a scrape never queries the database, and one count runs at a time. A growing backlog means the relay cannot keep
 * up with the engine or cannot reach Kafka. NaN until the first count.
 */
@ApplicationScoped
public class OutboxBacklog {
    public static final String BACKLOG = "tributary.outbox.backlog";
    private static final String COUNT = "select count(*) from (select 1 from outbox limit $1) capped";

    private final Pool pool;
    private final int cap;
    private final AtomicLong rows = new AtomicLong(-1);

    public OutboxBacklog(Pool pool, OrchestratorConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.cap = config.metrics().outboxBacklogCap();
        Gauge.builder(BACKLOG, rows, r -> r.get() < 0 ? Double.NaN : r.get())
                .description("Outbox rows not yet relayed to Kafka (at most the configured cap)")
                .register(registry);
    }

    @Scheduled(
            every = "${tributary.orchestrator.metrics.outbox-backlog-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> count() {
        return pool.preparedQuery(COUNT)
                .execute(Tuple.of(cap))
                .invoke(result -> rows.set(result.iterator().next().getLong(0)))
                .onFailure()
                .invoke(e -> Log.debugf("Outbox backlog not counted: %s", e.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }
}
