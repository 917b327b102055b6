package io.tributary.orchestrator.trigger.threshold;

import io.smallrye.mutiny.Uni;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.orchestrator.engine.RunEngine;
import io.tributary.orchestrator.engine.RunRequest;
import io.tributary.orchestrator.flow.FlowCatalog;
import io.tributary.orchestrator.flow.FlowDefinition;
import io.tributary.orchestrator.trigger.CompiledTrigger;
import io.tributary.orchestrator.trigger.EventFacts;
import io.tributary.orchestrator.trigger.GroupCounter;
import io.tributary.orchestrator.trigger.IncomingEvent;
import io.tributary.orchestrator.trigger.TriggerKeys;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts a batch of events for the threshold triggers they match, in one transaction with the runs that thresholds
 * reached start ({@link GroupCounter}): windows per (flow, trigger, group) and the offsets counted per partition live
 * in PostgreSQL, so the counts survive restarts, a redelivered event is not counted twice, and a window fires once
 * (its run's event id is the trigger, the group and the window). Which window an event counts in, if any:
 * {@link ThresholdWindow}.
 */
@ApplicationScoped
public class ThresholdCounter {
    /** A group seen first has no window yet. */
    private static final GroupCounter.States<ThresholdWindow> WINDOWS = new GroupCounter.States<>(
            "threshold_window",
            "window_start, event_count, fired, previous_end",
            "'epoch', 0, false, 'epoch'",
            List.of("window_start", "event_count", "fired", "previous_end"),
            ThresholdCounter::read,
            window -> List.of(
                    window.start.atOffset(ZoneOffset.UTC),
                    window.count,
                    window.fired,
                    window.previousEnd.atOffset(ZoneOffset.UTC)));

    private final GroupCounter<Hit, ThresholdWindow> counter;

    public ThresholdCounter(RunEngine engine, FlowCatalog catalog) {
        this.counter = new GroupCounter<>(
                engine, catalog, "threshold_position", WINDOWS, ThresholdCounter::hits, ThresholdCounter::apply);
    }

    /** @return how many runs thresholds reached started; no transaction when no event of the batch counts */
    public Uni<Integer> observe(List<IncomingEvent> events) {
        return counter.observe(events);
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

    private record Hit(FlowDefinition flow, CompiledThreshold threshold, String group, IncomingEvent incoming)
            implements GroupCounter.Hit {
        @Override
        public GroupCounter.Key key() {
            return new GroupCounter.Key(flow.id(), threshold.key, TriggerKeys.hash(group));
        }
    }

    private static ThresholdWindow read(Row row) {
        ThresholdWindow window = new ThresholdWindow();
        window.start = row.getOffsetDateTime("window_start").toInstant();
        window.count = row.getInteger("event_count");
        window.fired = row.getBoolean("fired");
        window.previousEnd = row.getOffsetDateTime("previous_end").toInstant();
        return window;
    }

    private static List<RunRequest> apply(List<Hit> hits, Map<GroupCounter.Key, ThresholdWindow> windows, Instant now) {
        Map<String, RunRequest> requests = new LinkedHashMap<>();
        for (Hit hit : hits) {
            ThresholdWindow window = windows.get(hit.key());
            NormalizedEvent event = hit.incoming().event();
            if (window.observe(event.time().toInstant(), hit.threshold(), now)) {
                RunRequest request = ThresholdRuns.request(
                        hit.flow(), hit.threshold().key, hit.key().groupKey(), window.start, hit.incoming());
                requests.put(request.event().id(), request);
            }
        }
        return List.copyOf(requests.values());
    }
}
