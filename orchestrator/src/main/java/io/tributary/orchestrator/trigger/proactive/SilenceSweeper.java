package io.tributary.orchestrator.trigger.proactive;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.json.Json;
import io.tributary.orchestrator.OrchestratorConfig;
import io.tributary.orchestrator.engine.RunEngine;
import io.tributary.orchestrator.engine.RunRequest;
import io.tributary.orchestrator.flow.FlowCatalog;
import io.tributary.orchestrator.flow.FlowDefinition;
import io.tributary.orchestrator.trigger.TriggerKeys;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Fires the silences that are due and real: due before the {@link EventWatermark}, so never for events that only
 * wait in the topic (after an orchestrator outage, silences are judged once the backlog is processed). Claimed with
 * {@code SKIP LOCKED}; the run's event id names the silence (trigger, group, last event's time), so each silence
 * starts one run, with several replicas and after a crash.
 */
@ApplicationScoped
public class SilenceSweeper {
    private static final String CLAIM = "select flow_id, trigger_key, group_key, last_event, last_event_at,"
            + " last_traceparent"
            + " from silence_timer where not fired and due_at <= $1 order by due_at limit $2 for update skip locked";
    private static final String FIRED =
            "update silence_timer set fired = true where flow_id = $1 and trigger_key = $2 and group_key = $3";

    private final RunEngine engine;
    private final EventWatermark watermark;
    private final OrchestratorConfig config;

    public SilenceSweeper(RunEngine engine, EventWatermark watermark, OrchestratorConfig config) {
        this.engine = engine;
        this.watermark = watermark;
        this.config = config;
    }

    @Scheduled(
            every = "${tributary.orchestrator.schedules.sweep-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return watermark
                .advance()
                .flatMap(through -> through == null
                        ? Uni.createFrom().voidItem()
                        : engine.startClaimed((connection, flows) -> claim(connection, flows, through))
                                .replaceWithVoid())
                .onFailure()
                .invoke(e -> Log.warnf("Silence sweep will retry: %s", e.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<List<RunRequest>> claim(SqlConnection connection, FlowCatalog.Snapshot flows, Instant through) {
        return connection
                .preparedQuery(CLAIM)
                .execute(Tuple.of(
                        through.atOffset(ZoneOffset.UTC), config.schedules().batch()))
                .flatMap(rows -> {
                    List<RunRequest> requests = new ArrayList<>();
                    List<Tuple> fired = new ArrayList<>();
                    for (Row row : rows) {
                        UUID flowId = row.getUUID("flow_id");
                        String triggerKey = row.getString("trigger_key");
                        String groupKey = row.getString("group_key");
                        FlowDefinition flow = flows.find(flowId);
                        boolean watched = flow != null
                                && flow.triggers().stream()
                                        .anyMatch(t -> t instanceof CompiledProactive p && p.key.equals(triggerKey));
                        if (watched) {
                            NormalizedEvent last = Json.read(row.getString("last_event"), NormalizedEvent.class);
                            requests.add(request(flow, triggerKey, groupKey, last)
                                    .linkedTo(row.getString("last_traceparent")));
                        }
                        fired.add(Tuple.of(flowId, triggerKey, groupKey));
                    }
                    return fired.isEmpty()
                            ? Uni.createFrom().item(requests)
                            : connection
                                    .preparedQuery(FIRED)
                                    .executeBatch(fired)
                                    .replaceWith(requests);
                });
    }

    /**
     * The silent group's last event, under an id that names the silence. The run starts a trace of its own (no event
     * fired it, a silence did), linked to the span of that last event.
     */
    private static RunRequest request(FlowDefinition flow, String triggerKey, String groupKey, NormalizedEvent last) {
        String id = TriggerKeys.firing(
                ProactiveTrigger.KIND, triggerKey, groupKey, last.time().toInstant());
        NormalizedEvent event =
                new NormalizedEvent(id, last.source(), last.type(), last.subject(), last.time(), last.data());
        return new RunRequest(flow, event, ProactiveTrigger.KIND, flow.defaultParameters());
    }
}
