package io.tributary.orchestrator.trigger.proactive;

import io.smallrye.mutiny.Uni;
import io.tributary.contract.json.Json;
import io.tributary.orchestrator.flow.FlowCatalog;
import io.tributary.orchestrator.flow.FlowDefinition;
import io.tributary.orchestrator.trigger.CompiledTrigger;
import io.tributary.orchestrator.trigger.EventFacts;
import io.tributary.orchestrator.trigger.IncomingEvent;
import io.tributary.orchestrator.trigger.TriggerKeys;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Arms the silences of the groups a batch of events was heard from: each group's newest event and when its silence
 * is due (now plus the trigger's window), with the event's trace context for the run the silence fires to link to.
 * An event no newer than the one the group's silence holds changes nothing,
 * so a redelivery never re-arms a silence that fired (and its run's id would refuse a second run anyway). Rows are
 * written in key order, so concurrent batches never deadlock.
 */
@ApplicationScoped
public class SilenceWatcher {
    private static final String ARM = "insert into silence_timer (flow_id, trigger_key, group_key, last_event,"
            + " last_event_at, due_at, fired, last_traceparent) values ($1, $2, $3, $4, $5, $6, false, $7)"
            + " on conflict (flow_id, trigger_key, group_key) do update set last_event = excluded.last_event,"
            + " last_event_at = excluded.last_event_at, due_at = excluded.due_at, fired = false,"
            + " last_traceparent = excluded.last_traceparent"
            + " where silence_timer.last_event_at <= excluded.last_event_at";

    private final FlowCatalog catalog;
    private final Pool pool;

    public SilenceWatcher(FlowCatalog catalog, Pool pool) {
        this.catalog = catalog;
        this.pool = pool;
    }

    private record Key(UUID flowId, String triggerKey, String groupKey) {}

    private record Heard(IncomingEvent incoming, Instant dueAt) {}

    public Uni<Void> observe(List<IncomingEvent> events) {
        return catalog.snapshot().flatMap(flows -> {
            Instant now = Instant.now();
            Map<Key, Heard> newest = new TreeMap<>(Comparator.comparing(Key::flowId)
                    .thenComparing(Key::triggerKey)
                    .thenComparing(Key::groupKey));
            for (IncomingEvent incoming : events) {
                EventFacts facts = new EventFacts(incoming.event());
                for (FlowDefinition flow : flows.flows()) {
                    for (CompiledTrigger trigger : flow.triggers()) {
                        if (trigger instanceof CompiledProactive proactive && proactive.watches(facts)) {
                            String group = proactive.group(facts);
                            if (group != null) {
                                newest.merge(
                                        new Key(flow.id(), proactive.key, TriggerKeys.hash(group)),
                                        new Heard(incoming, now.plus(proactive.within)),
                                        (a, b) -> b.incoming()
                                                        .event()
                                                        .time()
                                                        .isBefore(a.incoming()
                                                                .event()
                                                                .time())
                                                ? a
                                                : b);
                            }
                        }
                    }
                }
            }
            if (newest.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<Tuple> rows = newest.entrySet().stream()
                    .map(entry -> Tuple.from(Arrays.asList(
                            entry.getKey().flowId(),
                            entry.getKey().triggerKey(),
                            entry.getKey().groupKey(),
                            Json.write(entry.getValue().incoming().event()),
                            entry.getValue().incoming().event().time(),
                            entry.getValue().dueAt().atOffset(ZoneOffset.UTC),
                            entry.getValue().incoming().traceparent())))
                    .toList();
            return pool.withTransaction(
                            connection -> connection.preparedQuery(ARM).executeBatch(rows))
                    .replaceWithVoid();
        });
    }
}
