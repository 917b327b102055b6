package io.tributary.orchestrator.trigger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tributary.orchestrator.trigger.schedule.ScheduleTimers;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The state stateful triggers keep in PostgreSQL, kept in step with a flow's triggers when it is saved or deleted:
 * schedules get their timers, and the counts, silences and patterns of triggers the flow no longer has are removed (an
 * unchanged trigger keeps its state across versions: its key is its spec's hash). In the caller's Hibernate Reactive
 * transaction.
 */
public final class TriggerStates {
    private static final List<String> KEYED_TABLES = List.of("threshold_window", "silence_timer", "pattern_state");

    private TriggerStates() {}

    public static Uni<Void> sync(UUID flowId, List<TriggerSpec> triggers, Instant now) {
        List<String> keys = triggers.stream().map(TriggerKeys::of).toList();
        return ScheduleTimers.sync(flowId, triggers, now)
                .flatMap(synced -> Panache.getSession())
                .flatMap(session -> Multi.createFrom()
                        .iterable(KEYED_TABLES)
                        .onItem()
                        .transformToUniAndConcatenate(table -> (keys.isEmpty()
                                        ? session.createNativeQuery("delete from " + table + " where flow_id = :flow")
                                                .setParameter("flow", flowId)
                                        : session.createNativeQuery("delete from " + table
                                                        + " where flow_id = :flow and trigger_key not in (:keys)")
                                                .setParameter("flow", flowId)
                                                .setParameter("keys", keys))
                                .executeUpdate())
                        .collect()
                        .last())
                .replaceWithVoid();
    }
}
