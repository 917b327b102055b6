package io.tributary.orchestrator.dashboard;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** How each flow's runs that ended lately fared: the overview's slowest and most failing flows. */
@ApplicationScoped
public class FlowStats {
    /**
     * Runs that ended since $1, read through the partial index {@code flow_run_finished} (V3), whose condition the
     * state list repeats. A run's duration is from its creation to its end: what a user waits, queueing included.
     */
    private static final String ENDED = """
            select f.name, count(*) as ended,
                   count(*) filter (where r.state_type in ('FAILED', 'CRASHED')) as failed,
                   avg(extract(epoch from r.state_at - r.created_at)) as mean_seconds,
                   percentile_cont(0.95) within group (order by extract(epoch from r.state_at - r.created_at))
                       as p95_seconds
            from flow_run r join flow f on f.id = r.flow_id
            where r.state_type in ('COMPLETED', 'FAILED', 'CANCELLED', 'CRASHED') and r.state_at >= $1
              and f.deleted_at is null
            group by f.name""";

    private final Pool pool;

    FlowStats(Pool pool) {
        this.pool = pool;
    }

    /** Every flow (not deleted) with a run that ended within the window. */
    Uni<List<FlowStat>> since(Duration window) {
        OffsetDateTime from = OffsetDateTime.now(ZoneOffset.UTC).minus(window);
        return pool.preparedQuery(ENDED).execute(Tuple.of(from)).map(rows -> {
            List<FlowStat> stats = new ArrayList<>();
            for (Row row : rows) {
                stats.add(new FlowStat(
                        row.getString("name"),
                        row.getLong("ended"),
                        row.getLong("failed"),
                        row.getNumeric("mean_seconds").doubleValue(),
                        row.getDouble("p95_seconds")));
            }
            return stats;
        });
    }

    /**
     * @param ended runs that ended within the window
     * @param failed of them, those that ended Failed or Crashed
     */
    record FlowStat(String flow, long ended, long failed, double meanSeconds, double p95Seconds) {}
}
