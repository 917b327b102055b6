package io.tributary.orchestrator.retention;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.tributary.orchestrator.OrchestratorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * Removes runs that ended longer than the retention ago, with their task runs and history, a small batch per
 * transaction so that the sweep never holds many locks or a long transaction; runs another replica is deleting are
 * skipped. Storage then levels off under a steady load instead of growing without bound.
 */
@ApplicationScoped
public class RetentionSweeper {
    private static final String PURGE = """
            with doomed as (
                select id from flow_run
                where state_type in ('COMPLETED', 'FAILED', 'CANCELLED', 'CRASHED') and state_at < :cutoff
                order by state_at limit :batch for update skip locked),
            history as (delete from run_state where flow_run_id in (select id from doomed)),
            tasks as (delete from task_run where flow_run_id in (select id from doomed)),
            slots as (delete from concurrency_slot where flow_run_id in (select id from doomed))
            delete from flow_run where id in (select id from doomed)
            """;
    /** Batches per sweep: a backlog is worked off over several sweeps rather than in one long burst. */
    private static final int BATCHES_PER_SWEEP = 20;

    private final OrchestratorConfig config;

    public RetentionSweeper(OrchestratorConfig config) {
        this.config = config;
    }

    @Scheduled(
            every = "${tributary.orchestrator.retention-sweep-interval}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        Instant cutoff = Instant.now().minus(config.retention());
        return purge(cutoff, config.retentionBatch(), BATCHES_PER_SWEEP)
                .invoke(removed -> {
                    if (removed > 0) {
                        Log.infof("Removed %d runs that ended before %s", removed, cutoff);
                    }
                })
                .onFailure()
                .invoke(e -> Log.warnf("Retention sweep will retry: %s", e.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** Removes up to {@code batches × batch} runs that ended before the cutoff; returns how many. */
    public Uni<Integer> purge(Instant cutoff, int batch, int batches) {
        return Uni.createFrom()
                .deferred(() -> Panache.withTransaction(() -> Panache.getSession()
                        .flatMap(session -> session.createNativeQuery(PURGE)
                                .setParameter("cutoff", cutoff)
                                .setParameter("batch", batch)
                                .executeUpdate())))
                .repeat()
                .whilst(removed -> removed == batch)
                .select()
                .first(batches)
                .collect()
                .with(Collectors.summingInt(Integer::intValue));
    }
}
