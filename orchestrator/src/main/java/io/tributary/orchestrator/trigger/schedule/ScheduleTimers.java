package io.tributary.orchestrator.trigger.schedule;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tributary.orchestrator.trigger.TriggerKeys;
import io.tributary.orchestrator.trigger.TriggerSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A flow's schedules as timers in PostgreSQL (table {@code schedule_timer}): one row per schedule trigger, keyed by
 * a hash of its spec, holding when it is next due. Saving a flow keeps the timers of the schedules it still has
 * (their due times, and so their missed runs, survive the change) and adds or removes the others; runs in the
 * caller's transaction.
 */
public final class ScheduleTimers {
    private ScheduleTimers() {}

    /** The flow's schedule triggers by key. */
    public static Map<String, ScheduleTrigger> of(List<TriggerSpec> triggers) {
        return triggers.stream()
                .filter(ScheduleTrigger.class::isInstance)
                .map(ScheduleTrigger.class::cast)
                .collect(Collectors.toMap(TriggerKeys::of, Function.identity(), (a, b) -> a));
    }

    /** Within the caller's Hibernate Reactive transaction. */
    public static Uni<Void> sync(UUID flowId, List<TriggerSpec> triggers, Instant now) {
        Map<String, ScheduleTrigger> schedules = of(triggers);
        // The flow's row first: a new flow is still only in the session, and the timers reference it.
        return Panache.flush()
                .flatMap(flushed -> Panache.getSession())
                .flatMap(session -> (schedules.isEmpty()
                                ? session.createNativeQuery("delete from schedule_timer where flow_id = :flow")
                                        .setParameter("flow", flowId)
                                : session.createNativeQuery("delete from schedule_timer where flow_id = :flow"
                                                + " and trigger_key not in (:keys)")
                                        .setParameter("flow", flowId)
                                        .setParameter("keys", List.copyOf(schedules.keySet())))
                        .executeUpdate()
                        .flatMap(ignored -> Multi.createFrom()
                                .iterable(schedules.entrySet())
                                .onItem()
                                .transformToUniAndConcatenate(schedule -> session.createNativeQuery(
                                                "insert into schedule_timer (flow_id, trigger_key, next_at)"
                                                        + " values (:flow, :key, :next) on conflict do nothing")
                                        .setParameter("flow", flowId)
                                        .setParameter("key", schedule.getKey())
                                        .setParameter(
                                                "next",
                                                Schedule.of(schedule.getValue()).next(now))
                                        .executeUpdate())
                                .collect()
                                .last()))
                .replaceWithVoid();
    }
}
