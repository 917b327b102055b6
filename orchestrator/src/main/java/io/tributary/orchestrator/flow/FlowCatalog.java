package io.tributary.orchestrator.flow;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.tributary.contract.json.Json;
import io.tributary.orchestrator.OrchestratorConfig;
import io.tributary.orchestrator.run.FlowRun;
import io.tributary.orchestrator.trigger.EventFacts;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every flow's current version in memory, so that matching an event costs no query, and the versions that runs
 * started with, compiled once. A change made here is seen at once ({@link #invalidate()}); one made by another
 * replica within {@code flow-refresh}: at most once per interval a one-row query of the {@link CatalogRevision}
 * decides whether to reload. A flow that a reload finds gone (another replica deleted it) is announced as
 * {@link FlowDeleted}, as the replica that deleted it announced it.
 */
@ApplicationScoped
public class FlowCatalog {
    private static final String VERSIONS = "select flow_id, version, spec, created_at from flow_version"
            + " where (flow_id, version) in (select * from unnest($1::uuid[], $2::int[]))";
    /** Versions are immutable, so cached for good; past this many, the cache starts again from the current ones. */
    private static final int MAX_CACHED_VERSIONS = 10_000;

    private final OrchestratorConfig config;
    private final FlowCompiler compiler;
    private final Pool pool;
    private final Event<FlowDeleted> deleted;
    private final Map<VersionKey, FlowDefinition> compiled = new ConcurrentHashMap<>();
    private volatile Snapshot current = new Snapshot(-1, Map.of(), Map.of());
    private volatile long checkedAt;
    /**
     * Counts local changes: a refresh that began before one (its revision query may have missed the change, not yet
     * committed) must not mark the catalog fresh, or the change would go unseen for a whole interval.
     */
    private final AtomicLong changes = new AtomicLong();

    public FlowCatalog(OrchestratorConfig config, FlowCompiler compiler, Pool pool, Event<FlowDeleted> deleted) {
        this.config = config;
        this.compiler = compiler;
        this.pool = pool;
        this.deleted = deleted;
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
                .flatMap(session -> session.createNativeQuery(CatalogRevision.READ, String.class)
                        .getSingleResult())
                .flatMap(read -> {
                    long revision = Long.parseLong(read);
                    if (revision <= current.revision) {
                        return Uni.createFrom().item(checked(now, changesBefore));
                    }
                    return Flow.<Flow>list("deletedAt is null")
                            .flatMap(flows -> TagLimit.<TagLimit>listAll().map(limits -> {
                                Set<String> gone = install(new Snapshot(
                                        revision,
                                        flows.stream()
                                                .map(this::definitionOrNone)
                                                .filter(Objects::nonNull)
                                                .collect(Collectors.toMap(FlowDefinition::id, Function.identity())),
                                        limits.stream().collect(Collectors.toMap(l -> l.tag, TagLimit::toLimit))));
                                gone.forEach(name -> deleted.fire(new FlowDeleted(name)));
                                return checked(now, changesBefore);
                            }));
                }));
    }

    /**
     * A refresh that began earlier may end later: it never replaces a newer revision (the loaded rows are at least as
     * new as the revision read before them).
     *
     * @return the names of the flows the snapshot replaced had and the loaded one has not; none on the first load
     */
    private synchronized Set<String> install(Snapshot loaded) {
        if (loaded.revision <= current.revision) {
            return Set.of();
        }
        Snapshot replaced = current;
        current = loaded;
        return replaced.byName.keySet().stream()
                .filter(name -> !loaded.byName.containsKey(name))
                .collect(Collectors.toSet());
    }

    /**
     * The catalog counts as fresh only once the snapshot of the revision read is in place (else a call in between
     * would be served the one before), and only if no local change happened since the refresh began.
     */
    private Snapshot checked(long startedAt, long changesBefore) {
        if (changes.get() == changesBefore) {
            checkedAt = startedAt;
        }
        return current;
    }

    /** After a local change: the next snapshot reloads. */
    public void invalidate() {
        changes.incrementAndGet();
        checkedAt = 0;
    }

    /** The version the run started with. */
    public Uni<FlowDefinition> versionOf(FlowRun run) {
        return snapshot()
                .flatMap(flows -> pool.withConnection(connection -> versions(connection, flows, List.of(run))))
                .map(found -> found.get(new VersionKey(run.flowId, run.flowVersion)));
    }

    /**
     * The versions the runs started with: the current ones from the snapshot, older (or newer, saved through
     * another replica since the last refresh) ones from the cache or the database.
     */
    public Uni<Map<VersionKey, FlowDefinition>> versions(
            SqlConnection connection, Snapshot flows, Collection<FlowRun> runs) {
        Map<VersionKey, FlowDefinition> found = new HashMap<>();
        Set<VersionKey> missing = new LinkedHashSet<>();
        for (FlowRun run : runs) {
            VersionKey key = new VersionKey(run.flowId, run.flowVersion);
            FlowDefinition flow = flows.find(run.flowId);
            if (flow == null || flow.version() != run.flowVersion) {
                flow = compiled.get(key);
            }
            if (flow == null) {
                missing.add(key);
            } else {
                found.put(key, flow);
            }
        }
        if (missing.isEmpty()) {
            return Uni.createFrom().item(found);
        }
        List<VersionKey> keys = new ArrayList<>(missing);
        return connection
                .preparedQuery(VERSIONS)
                .execute(Tuple.of(
                        keys.stream().map(VersionKey::flowId).toArray(UUID[]::new),
                        keys.stream().map(VersionKey::version).toArray(Integer[]::new)))
                .map(rows -> {
                    rows.forEach(row -> {
                        FlowDefinition flow = definition(
                                row.getUUID("flow_id"),
                                row.getInteger("version"),
                                row.getString("spec"),
                                row.getOffsetDateTime("created_at").toInstant());
                        found.put(new VersionKey(flow.id(), flow.version()), flow);
                    });
                    missing.stream()
                            .filter(key -> !found.containsKey(key))
                            .findFirst()
                            .ifPresent(key -> {
                                throw new IllegalStateException("flow " + key + " has no stored version");
                            });
                    return found;
                });
    }

    /**
     * Null for a stored flow that no longer compiles (saved under older rules, say): it is left out, logged, and the
     * other flows go on.
     */
    private FlowDefinition definitionOrNone(Flow flow) {
        try {
            return definition(flow.id, flow.version, flow.spec, flow.updatedAt);
        } catch (RuntimeException e) {
            Log.errorf("Flow %s v%d does not compile and is left out: %s", flow.name, flow.version, e.getMessage());
            return null;
        }
    }

    private FlowDefinition definition(UUID id, int version, String spec, Instant savedAt) {
        if (compiled.size() >= MAX_CACHED_VERSIONS) {
            compiled.clear();
        }
        return compiled.computeIfAbsent(
                new VersionKey(id, version),
                key -> compiler.compile(id, version, Json.read(spec, FlowSpec.class), savedAt));
    }

    /** One version of one flow. */
    public record VersionKey(UUID flowId, int version) {
        @Override
        public String toString() {
            return flowId + " v" + version;
        }
    }

    /** The flows at one revision. */
    public static final class Snapshot {
        private final long revision;
        private final Map<UUID, FlowDefinition> byId;
        private final Map<String, FlowDefinition> byName;
        private final Map<String, ConcurrencyLimit> tagLimits;

        Snapshot(long revision, Map<UUID, FlowDefinition> byId, Map<String, ConcurrencyLimit> tagLimits) {
            this.revision = revision;
            this.byId = byId;
            this.byName = byId.values().stream()
                    .collect(Collectors.toMap(f -> f.spec().name(), Function.identity()));
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

        /** The current version; null when the flow is not (yet) in this snapshot, or deleted. */
        public FlowDefinition find(UUID id) {
            return byId.get(id);
        }

        /** The current version; null when there is no such flow (or not yet in this snapshot). */
        public FlowDefinition named(String name) {
            return byName.get(name);
        }

        /** Flows a trigger of which the event fires, in a stable order. */
        public List<FlowDefinition> triggeredBy(EventFacts event) {
            return byId.values().stream()
                    .filter(flow -> flow.triggeredBy(event))
                    .sorted((a, b) -> a.id().compareTo(b.id()))
                    .toList();
        }
    }
}
