package io.tributary.orchestrator.flow;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.json.Json;
import io.tributary.orchestrator.OrchestratorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every flow in memory, so that matching an event costs no query. A change made here is seen at once
 * ({@link #invalidate()}); one made by another replica within {@code flow-refresh}: at most once per interval a
 * cheap revision query (count and newest change) decides whether to reload.
 */
@ApplicationScoped
public class FlowCatalog {
    private static final String REVISION = "select (select count(*) || '/' || coalesce(max(updated_at)::text, '')"
            + " from flow) || '|' || (select count(*) || '/' || coalesce(max(updated_at)::text, '')"
            + " from concurrency_limit)";

    private final OrchestratorConfig config;
    private volatile Snapshot current = new Snapshot("", Map.of(), Map.of());
    private volatile long checkedAt;
    /**
     * Counts local changes: a refresh that began before one (its revision query may have missed the change, not yet
     * committed) must not mark the catalog fresh, or the change would go unseen for a whole interval.
     */
    private final AtomicLong changes = new AtomicLong();

    public FlowCatalog(OrchestratorConfig config) {
        this.config = config;
    }

    /** The flows as of at most {@code flow-refresh} ago. */
    public Uni<Snapshot> snapshot() {
        long now = System.nanoTime();
        if (checkedAt != 0 && now - checkedAt < config.flowRefresh().toNanos()) {
            return Uni.createFrom().item(current);
        }
        long changesBefore = changes.get();
        // Its own session (or the caller's, when it has one): the engine reads runs on the reactive client directly.
        return Panache.withSession(() -> Panache.getSession()
                .flatMap(session ->
                        session.createNativeQuery(REVISION, String.class).getSingleResult())
                .flatMap(revision -> {
                    if (changes.get() == changesBefore) {
                        checkedAt = now;
                    }
                    if (revision.equals(current.revision)) {
                        return Uni.createFrom().item(current);
                    }
                    return Flow.<Flow>listAll()
                            .flatMap(flows -> TagLimit.<TagLimit>listAll().map(limits -> {
                                current = new Snapshot(
                                        revision,
                                        flows.stream()
                                                .map(FlowCatalog::definition)
                                                .collect(Collectors.toMap(FlowDefinition::id, Function.identity())),
                                        limits.stream().collect(Collectors.toMap(l -> l.tag, TagLimit::toLimit)));
                                return current;
                            }));
                }));
    }

    /** After a local change: the next snapshot reloads. */
    public void invalidate() {
        changes.incrementAndGet();
        checkedAt = 0;
    }

    static FlowDefinition definition(Flow flow) {
        return new FlowDefinition(flow.id, Json.read(flow.spec, FlowSpec.class), flow.createdAt);
    }

    /** The flows at one revision. */
    public static final class Snapshot {
        private final String revision;
        private final Map<UUID, FlowDefinition> byId;
        private final Map<String, ConcurrencyLimit> tagLimits;

        Snapshot(String revision, Map<UUID, FlowDefinition> byId, Map<String, ConcurrencyLimit> tagLimits) {
            this.revision = revision;
            this.byId = byId;
            this.tagLimits = tagLimits;
        }

        /**
         * Whether any flow or tag has a concurrency limit. When none has, no run takes a slot, and runs that end
         * have none to give back (a slot left by a limit since removed is forgotten when a limit is set again).
         */
        public boolean limitsAnything() {
            return !tagLimits.isEmpty()
                    || byId.values().stream().anyMatch(f -> f.spec().concurrency() != null);
        }

        public Collection<FlowDefinition> flows() {
            return byId.values();
        }

        /** The concurrency limits the flow's runs count against, by slot key; empty for an unlimited flow. */
        public SortedMap<String, ConcurrencyLimit> limitsOf(FlowDefinition flow) {
            return SlotKeys.of(flow, tagLimits);
        }

        /** Null when the flow is not (yet) in this snapshot. */
        public FlowDefinition find(UUID id) {
            return byId.get(id);
        }

        /** Flows whose trigger the event fires, in a stable order. */
        public List<FlowDefinition> triggeredBy(NormalizedEvent event) {
            return byId.values().stream()
                    .filter(flow -> flow.triggeredBy(event))
                    .sorted((a, b) -> a.id().compareTo(b.id()))
                    .toList();
        }
    }
}
