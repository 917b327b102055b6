package io.tributary.orchestrator.run;

import static io.tributary.contract.metrics.MetricNames.RUNS_CURRENT;
import static io.tributary.contract.metrics.MetricNames.STATE;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.tributary.contract.run.StateType;
import io.tributary.orchestrator.OrchestratorConfig;
import io.tributary.orchestrator.metrics.LastCount;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code tributary.runs.current} by {@code state}: how many flow runs are in each state type now, where
 * {@code tributary.runs.transitions} counts how many moved into one. Counted every
 * {@code metrics.run-census-interval}, each type up to {@code metrics.run-census-cap}, and kept ({@link LastCount}):
 * a scrape or a {@link #latest()} never queries the database. Every type is there, 0 when no run is in it (also
 * before the first count).
 */
@ApplicationScoped
public class RunCensus {
    /**
     * Per type rather than one {@code group by} over the table: each count is a bounded scan of the index
     * {@code flow_run_by_state} (V7), so the finished runs the retention keeps cost at most the cap, not the table.
     */
    private static final String COUNT = "select t.state_type, (select count(*) from (select 1 from flow_run r"
            + " where r.state_type = t.state_type limit $2) capped) as runs"
            + " from unnest($1::text[]) as t(state_type)";

    private static final String[] TYPES =
            Arrays.stream(StateType.values()).map(StateType::name).toArray(String[]::new);

    private final int cap;
    private final LastCount<Map<StateType, Long>> census;

    public RunCensus(Pool pool, OrchestratorConfig config, MeterRegistry registry) {
        this.cap = config.metrics().runCensusCap();
        this.census = new LastCount<>(pool, "Runs by state", COUNT, RunCensus::read, read(null));
        for (StateType type : StateType.values()) {
            Gauge.builder(RUNS_CURRENT, census, c -> c.last().get(type))
                    .description("Flow runs whose current state is of this type (at most the configured cap)")
                    .tag(STATE, type.name())
                    .register(registry);
        }
    }

    /** The last count: every state type, 0 when no run was in it. */
    public Map<StateType, Long> latest() {
        return census.last();
    }

    @Scheduled(
            every = "${tributary.orchestrator.metrics.run-census-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> count() {
        return census.count(Tuple.of(TYPES, cap));
    }

    /** @param rows null for the census before the first count */
    private static Map<StateType, Long> read(RowSet<Row> rows) {
        Map<StateType, Long> counted = new EnumMap<>(StateType.class);
        for (StateType type : StateType.values()) {
            counted.put(type, 0L);
        }
        if (rows != null) {
            rows.forEach(row -> counted.put(StateType.valueOf(row.getString("state_type")), row.getLong("runs")));
        }
        return Collections.unmodifiableMap(counted);
    }
}
