package io.tributary.orchestrator.trigger.threshold;

import io.smallrye.mutiny.Uni;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.orchestrator.engine.RunEngine;
import io.tributary.orchestrator.engine.RunRequest;
import io.tributary.orchestrator.flow.FlowCatalog;
import io.tributary.orchestrator.flow.FlowDefinition;
import io.tributary.orchestrator.trigger.CompiledTrigger;
import io.tributary.orchestrator.trigger.CountedOffsets;
import io.tributary.orchestrator.trigger.EventFacts;
import io.tributary.orchestrator.trigger.GroupStates;
import io.tributary.orchestrator.trigger.IncomingEvent;
import io.tributary.orchestrator.trigger.TriggerKeys;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts a batch of events for the threshold triggers they match, in one transaction with the runs that thresholds
 * reached start: windows per (flow, trigger, group) and the offsets counted per partition live in PostgreSQL, so the
 * counts survive restarts, a redelivered event is not counted twice, and a window fires once (its run's event id is
 * the trigger, the group and the window). Which window an event counts in, if any: {@link ThresholdWindow}.
 */
@ApplicationScoped
public class ThresholdCounter {
    /** A group seen first has no window yet. */
    private static final GroupStates WINDOWS = new GroupStates(
            "threshold_window",
            "window_start, event_count, fired, previous_end",
            "'epoch', 0, false, 'epoch'",
            "window_start, event_count, fired, previous_end");

    private static final String SAVE_WINDOW = "update threshold_window set window_start = $4, event_count = $5,"
            + " fired = $6, previous_end = $7 where flow_id = $1 and trigger_key = $2 and group_key = $3";

    private final CountedOffsets offsets = new CountedOffsets("threshold_position");
    private final RunEngine engine;
    private final FlowCatalog catalog;

    public ThresholdCounter(RunEngine engine, FlowCatalog catalog) {
        this.engine = engine;
        this.catalog = catalog;
    }

    /** @return how many runs thresholds reached started; no transaction when no event of the batch counts */
    public Uni<Integer> observe(List<IncomingEvent> events) {
        return catalog.snapshot().flatMap(flows -> {
            List<Hit> hits = hits(flows, events);
            return hits.isEmpty()
                    ? Uni.createFrom().item(0)
                    : engine.startClaimed((connection, snapshot) -> count(connection, hits, events));
        });
    }

    private static List<Hit> hits(FlowCatalog.Snapshot flows, List<IncomingEvent> events) {
        List<Hit> hits = new ArrayList<>();
        for (IncomingEvent incoming : events) {
            EventFacts facts = new EventFacts(incoming.event());
            for (FlowDefinition flow : flows.flows()) {
                for (CompiledTrigger trigger : flow.triggers()) {
                    if (trigger instanceof CompiledThreshold threshold && threshold.counts(facts)) {
                        String group = threshold.group(facts);
                        if (group != null) {
                            hits.add(new Hit(flow, threshold, group, incoming));
                        }
                    }
                }
            }
        }
        return hits;
    }

    private record Hit(FlowDefinition flow, CompiledThreshold threshold, String group, IncomingEvent incoming) {
        GroupStates.Key key() {
            return new GroupStates.Key(flow.id(), threshold.key, TriggerKeys.hash(group));
        }
    }

    /** @param events the whole batch: the offsets counted move past its events that counted nothing, too */
    private Uni<List<RunRequest>> count(SqlConnection connection, List<Hit> hits, List<IncomingEvent> events) {
        return offsets.lock(connection, events).flatMap(uncounted -> {
            List<Hit> fresh =
                    hits.stream().filter(hit -> uncounted.test(hit.incoming())).toList();
            return lockWindows(connection, fresh).flatMap(windows -> {
                List<RunRequest> requests = apply(fresh, windows, Instant.now());
                return save(connection, windows)
                        .flatMap(saved -> offsets.pass(connection, events))
                        .replaceWith(requests);
            });
        });
    }

    /** The windows the hits fall in, locked in key order (so concurrent batches never deadlock); new ones empty. */
    private static Uni<Map<GroupStates.Key, ThresholdWindow>> lockWindows(SqlConnection connection, List<Hit> hits) {
        Map<GroupStates.Key, String> groups = new HashMap<>();
        hits.forEach(hit -> groups.put(hit.key(), hit.group()));
        return WINDOWS.lock(connection, groups, row -> {
            ThresholdWindow window = new ThresholdWindow();
            window.start = row.getOffsetDateTime("window_start").toInstant();
            window.count = row.getInteger("event_count");
            window.fired = row.getBoolean("fired");
            window.previousEnd = row.getOffsetDateTime("previous_end").toInstant();
            return window;
        });
    }

    private static List<RunRequest> apply(List<Hit> hits, Map<GroupStates.Key, ThresholdWindow> windows, Instant now) {
        Map<String, RunRequest> requests = new LinkedHashMap<>();
        for (Hit hit : hits) {
            ThresholdWindow window = windows.get(hit.key());
            NormalizedEvent event = hit.incoming().event();
            if (window.observe(event.time().toInstant(), hit.threshold(), now)) {
                RunRequest request = ThresholdRuns.request(
                        hit.flow(), hit.threshold().key, hit.key().groupKey(), window.start, event);
                requests.put(request.event().id(), request);
            }
        }
        return List.copyOf(requests.values());
    }

    private static Uni<Void> save(SqlConnection connection, Map<GroupStates.Key, ThresholdWindow> windows) {
        List<Tuple> rows = new ArrayList<>();
        windows.forEach((key, window) -> rows.add(Tuple.from(List.of(
                key.flowId(),
                key.triggerKey(),
                key.groupKey(),
                window.start.atOffset(ZoneOffset.UTC),
                window.count,
                window.fired,
                window.previousEnd.atOffset(ZoneOffset.UTC)))));
        return rows.isEmpty()
                ? Uni.createFrom().voidItem()
                : connection.preparedQuery(SAVE_WINDOW).executeBatch(rows).replaceWithVoid();
    }
}
