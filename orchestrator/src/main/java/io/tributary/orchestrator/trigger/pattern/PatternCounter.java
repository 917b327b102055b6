package io.tributary.orchestrator.trigger.pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import io.smallrye.mutiny.Uni;
import io.tributary.contract.json.Json;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Feeds a batch of events to the compound and sequence triggers they match, in one transaction with the runs their
 * firings start: each (flow, trigger, group)'s {@link PatternBuffer} and the offsets counted per partition live in
 * PostgreSQL, so the state survives restarts, a redelivered event is not counted twice, and a firing is seen once
 * (its run's event id names it besides). Rows are locked in key order, so concurrent batches never deadlock.
 */
@ApplicationScoped
public class PatternCounter {
    private static final GroupStates STATES =
            new GroupStates("pattern_state", "events", "'[]'", "latest_at, consumed_through, events");
    private static final String SAVE_STATE = "update pattern_state set latest_at = $4, consumed_through = $5,"
            + " events = $6 where flow_id = $1 and trigger_key = $2 and group_key = $3";
    private static final TypeReference<List<Seen>> EVENTS = new TypeReference<>() {};

    private final CountedOffsets offsets = new CountedOffsets("pattern_position");
    private final RunEngine engine;
    private final FlowCatalog catalog;

    public PatternCounter(RunEngine engine, FlowCatalog catalog) {
        this.engine = engine;
        this.catalog = catalog;
    }

    /** @return how many runs firings started; no transaction when no event of the batch matches a pattern */
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

    private record Hit(FlowDefinition flow, CompiledPattern pattern, String group, IncomingEvent incoming, int parts) {
        GroupStates.Key key() {
            return new GroupStates.Key(flow.id(), pattern.key, TriggerKeys.hash(group));
        }
    }

    private Uni<List<RunRequest>> count(SqlConnection connection, List<Hit> hits, List<IncomingEvent> events) {
        return offsets.lock(connection, events).flatMap(uncounted -> {
            List<Hit> fresh =
                    hits.stream().filter(hit -> uncounted.test(hit.incoming())).toList();
            return lockStates(connection, fresh).flatMap(states -> {
                List<RunRequest> requests = apply(fresh, states, Instant.now());
                return save(connection, states)
                        .flatMap(saved -> offsets.pass(connection, events))
                        .replaceWith(requests);
            });
        });
    }

    /** The states of the hits' groups, locked in key order; new ones empty. */
    private static Uni<Map<GroupStates.Key, PatternBuffer>> lockStates(SqlConnection connection, List<Hit> hits) {
        Map<GroupStates.Key, String> groups = new HashMap<>();
        hits.forEach(hit -> groups.put(hit.key(), hit.group()));
        return STATES.lock(connection, groups, row -> {
            PatternBuffer state = new PatternBuffer();
            state.latest = instant(row.getOffsetDateTime("latest_at"));
            state.consumed = instant(row.getOffsetDateTime("consumed_through"));
            state.events = new ArrayList<>(Json.read(row.getString("events"), EVENTS));
            return state;
        });
    }

    private static List<RunRequest> apply(List<Hit> hits, Map<GroupStates.Key, PatternBuffer> states, Instant now) {
        Map<String, RunRequest> requests = new LinkedHashMap<>();
        for (Hit hit : hits) {
            GroupStates.Key key = hit.key();
            Seen seen = Seen.of(hit.parts(), hit.incoming().event());
            for (Firing firing : states.get(key).observe(hit.pattern(), seen, now)) {
                RunRequest request = PatternRuns.request(hit.flow(), hit.pattern(), key.groupKey(), firing);
                requests.put(request.event().id(), request);
            }
        }
        return List.copyOf(requests.values());
    }

    private static Uni<Void> save(SqlConnection connection, Map<GroupStates.Key, PatternBuffer> states) {
        List<Tuple> rows = new ArrayList<>();
        states.forEach((key, state) -> rows.add(Tuple.tuple()
                .addUUID(key.flowId())
                .addString(key.triggerKey())
                .addString(key.groupKey())
                .addOffsetDateTime(offset(state.latest))
                .addOffsetDateTime(offset(state.consumed))
                .addString(Json.write(state.events))));
        return rows.isEmpty()
                ? Uni.createFrom().voidItem()
                : connection.preparedQuery(SAVE_STATE).executeBatch(rows).replaceWithVoid();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime offset(Instant time) {
        return time == null ? null : time.atOffset(ZoneOffset.UTC);
    }
}
