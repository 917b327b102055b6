package io.tributary.orchestrator.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.tributary.orchestrator.OrchestratorConfig;
import io.tributary.orchestrator.metrics.LastCount;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code tributary.outbox.backlog}: outbox rows not yet relayed to Kafka, counted every
 * {@code metrics.outbox-backlog-interval} up to {@code metrics.outbox-backlog-cap}. The gauge reads the last count
 * ({@link LastCount}). A growing backlog means the relay cannot keep up with the engine or cannot reach Kafka. NaN
 * until the first count.
 */
@ApplicationScoped
public class OutboxBacklog {
    public static final String BACKLOG = "tributary.outbox.backlog";
    private static final String COUNT = "select count(*) from (select 1 from outbox limit $1) capped";

    private final int cap;
    private final LastCount<Long> rows;

    public OutboxBacklog(Pool pool, OrchestratorConfig config, MeterRegistry registry) {
        this.cap = config.metrics().outboxBacklogCap();
        this.rows = new LastCount<>(
                pool,
                "Outbox backlog",
                COUNT,
                result -> result.iterator().next().getLong(0),
                -1L);
        Gauge.builder(BACKLOG, rows, r -> r.last() < 0 ? Double.NaN : r.last())
                .description("Outbox rows not yet relayed to Kafka (at most the configured cap)")
                .register(registry);
    }

    @Scheduled(
            every = "${tributary.orchestrator.metrics.outbox-backlog-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> count() {
        return rows.count(Tuple.of(cap));
    }
}
