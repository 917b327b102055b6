package io.tributary.orchestrator.trigger.pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import io.smallrye.mutiny.Uni;
import io.tributary.contract.json.Json;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Feeds a batch of events to the compound and sequence triggers they match, in one transaction with the runs their
 * firings start ({@link GroupCounter}): each (flow, trigger, group)'s {@link PatternBuffer} and the offsets counted
 * per partition live in PostgreSQL, so the state survives restarts, a redelivered event is not counted twice, and a
 * firing is seen once (its run's event id names it besides).
 */
@ApplicationScoped
public class PatternCounter {
    private static final TypeReference<List<Seen>> EVENTS = new TypeReference<>() {};
    private static final GroupCounter.States<PatternBuffer> STATES = new GroupCounter.States<>(
            "pattern_state",
            "events",
            "'[]'",
            List.of("latest_at", "consumed_through", "events"),
            PatternCounter::read,
            state -> Arrays.asList(offset(state.latest), offset(state.consumed), Json.write(state.events)));

    private final GroupCounter<Hit, PatternBuffer> counter;

    public PatternCounter(RunEngine engine, FlowCatalog catalog) {
        this.counter = new GroupCounter<>(
                engine, catalog, "pattern_position", STATES, PatternCounter::hits, PatternCounter::apply);
    }

    /** @return how many runs firings started; no transaction when no event of the batch matches a pattern */
    public Uni<Integer> observe(List<IncomingEvent> events) {
        return counter.observe(events);
    }

    private static List<Hit> hits(FlowCatalog.Snapshot flows, List<IncomingEvent> events) {
        List<Hit> hits = new ArrayList<>();
        for (IncomingEvent incoming : events) {
            EventFacts facts = new EventFacts(incoming.event());
            for (FlowDefinition flow : flows.flows()) {
                for (CompiledTrigger trigger : flow.triggers()) {
                    if (trigger instanceof CompiledPattern pattern) {
                        int parts = pattern.matches(facts);
                        String group = parts == 0 ? null : pattern.group(facts);
                        if (group != null) {
                            hits.add(new Hit(flow, pattern, group, incoming, parts));
                        }
                    }
                }
            }
        }
        return hits;
    }

    private record Hit(FlowDefinition flow, CompiledPattern pattern, String group, IncomingEvent incoming, int parts)
            implements GroupCounter.Hit {
        @Override
        public GroupCounter.Key key() {
            return new GroupCounter.Key(flow.id(), pattern.key, TriggerKeys.hash(group));
        }
    }

    private static PatternBuffer read(Row row) {
        PatternBuffer state = new PatternBuffer();
        state.latest = instant(row.getOffsetDateTime("latest_at"));
        state.consumed = instant(row.getOffsetDateTime("consumed_through"));
        state.events = new ArrayList<>(Json.read(row.getString("events"), EVENTS));
        return state;
    }

    private static List<RunRequest> apply(List<Hit> hits, Map<GroupCounter.Key, PatternBuffer> states, Instant now) {
        Map<String, RunRequest> requests = new LinkedHashMap<>();
        for (Hit hit : hits) {
            GroupCounter.Key key = hit.key();
            Seen seen = Seen.of(hit.parts(), hit.incoming().event());
            for (Firing firing : states.get(key).observe(hit.pattern(), seen, now)) {
                RunRequest request = PatternRuns.request(hit.flow(), hit.pattern(), key.groupKey(), firing)
                        .linkedTo(hit.incoming());
                requests.put(request.event().id(), request);
            }
        }
        return List.copyOf(requests.values());
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime offset(Instant time) {
        return time == null ? null : time.atOffset(ZoneOffset.UTC);
    }
}
