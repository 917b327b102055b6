package io.tributary.orchestrator.trigger.schedule;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.tributary.contract.event.EventData;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.orchestrator.OrchestratorConfig;
import io.tributary.orchestrator.engine.RunEngine;
import io.tributary.orchestrator.engine.RunRequest;
import io.tributary.orchestrator.flow.FlowCatalog;
import io.tributary.orchestrator.flow.FlowDefinition;
import io.tributary.orchestrator.trigger.TriggerMetrics;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fires due schedules: claims their timers ({@code FOR UPDATE SKIP LOCKED}, so each is fired by one replica), starts
 * a run per fire time (its event id holds the schedule and the fire time, so the unique (flow, event) constraint
 * makes every fire time start exactly one run, after a crash too) and moves the timers on, all in one transaction.
 */
@ApplicationScoped
public class ScheduleSweeper {
    public static final String EVENT_TYPE = "io.tributary.flow.scheduled.v1";
    private static final String CLAIM = "select t.flow_id, t.trigger_key, t.next_at from schedule_timer t"
            + " where t.next_at <= $1 order by t.next_at limit $2 for update skip locked";
    private static final String MOVE = "update schedule_timer set next_at = $3 where flow_id = $1 and trigger_key = $2";

    private final RunEngine engine;
    private final OrchestratorConfig config;
    private final TriggerMetrics metrics;

    public ScheduleSweeper(RunEngine engine, OrchestratorConfig config, TriggerMetrics metrics) {
        this.engine = engine;
        this.config = config;
        this.metrics = metrics;
    }

    @Scheduled(
            every = "${tributary.orchestrator.schedules.sweep-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return engine.startClaimed(this::claim)
                .onFailure()
                .invoke(e -> Log.warnf("Schedule sweep will retry: %s", e.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<List<RunRequest>> claim(SqlConnection connection, FlowCatalog.Snapshot flows) {
        Instant now = Instant.now();
        return connection
                .preparedQuery(CLAIM)
                .execute(Tuple.of(
                        now.atOffset(ZoneOffset.UTC), config.schedules().batch()))
                .flatMap(rows -> {
                    List<RunRequest> requests = new ArrayList<>();
                    List<Tuple> moves = new ArrayList<>();
                    for (Row row : rows) {
                        UUID flowId = row.getUUID("flow_id");
                        String key = row.getString("trigger_key");
                        FlowDefinition flow = flows.find(flowId);
                        ScheduleTrigger trigger = flow == null
                                ? null
                                : ScheduleTimers.of(flow.spec().triggersOrEmpty())
                                        .get(key);
                        if (trigger == null) {
                            // Saved through another replica since this one's catalog refresh: next sweep.
                            continue;
                        }
                        Firings firings = Firings.due(
                                Schedule.of(trigger),
                                row.getOffsetDateTime("next_at").toInstant(),
                                now,
                                config.schedules().grace(),
                                trigger.catchUpOrDefault(),
                                trigger.maxCatchUpOrDefault());
                        if (firings.skipped() > 0) {
                            Log.warnf(
                                    "Schedule of flow %s missed %d fire times (catch-up %s): no run for them",
                                    flow.spec().name(), firings.skipped(), trigger.catchUpOrDefault());
                        }
                        metrics.schedulesEvaluated(1);
                        firings.fire().forEach(at -> requests.add(request(flow, key, at)));
                        moves.add(Tuple.of(flowId, key, firings.nextAt().atOffset(ZoneOffset.UTC)));
                    }
                    if (moves.isEmpty()) {
                        return Uni.createFrom().item(requests);
                    }
                    return connection.preparedQuery(MOVE).executeBatch(moves).replaceWith(requests);
                });
    }

    /** The event a fire time stands for: unique per flow, schedule and fire time. */
    private static RunRequest request(FlowDefinition flow, String key, Instant at) {
        NormalizedEvent event = new NormalizedEvent(
                "schedule:" + key + ":" + at,
                URI.create("/orchestrator/flows/" + flow.spec().name()),
                EVENT_TYPE,
                flow.spec().name(),
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                new EventData(null, Map.of("scheduledFor", at.toString()), null));
        return new RunRequest(flow, event, ScheduleTrigger.KIND, flow.defaultParameters());
    }
}
