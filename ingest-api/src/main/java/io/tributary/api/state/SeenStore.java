package io.tributary.api.state;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * What each source has already processed, by key: event ids published, content hashes dead-lettered, webhook
 * signatures and idempotency keys. Shared by the replicas and kept across restarts; bounded by {@link #sweep}.
 */
@ApplicationScoped
public class SeenStore {
    private static final String SEEN = "select key from ingest_api.seen where source_name = $1 and key = any($2)";
    private static final String REMEMBER = """
            insert into ingest_api.seen (source_name, key) select $1, unnest($2::text[])
            on conflict do nothing
            """;
    private static final String SWEEP = """
            delete from ingest_api.seen where ctid = any(array(
                select ctid from ingest_api.seen where seen_at < $1 limit $2))
            """;

    private final Pool pool;

    public SeenStore(Pool pool) {
        this.pool = pool;
    }

    /** Those of the keys seen before. */
    public Uni<Set<String>> seen(String source, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return pool.preparedQuery(SEEN)
                .execute(Tuple.of(source, keys.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> seen = new HashSet<>();
                    for (Row row : rows) {
                        seen.add(row.getString("key"));
                    }
                    return seen;
                });
    }

    public Uni<Void> remember(String source, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery(REMEMBER)
                .execute(Tuple.of(source, keys.toArray(String[]::new)))
                .replaceWithVoid();
    }

    /** Forgets up to {@code batch} keys seen before {@code before}; returns how many. */
    public Uni<Integer> sweep(Instant before, int batch) {
        return pool.preparedQuery(SWEEP)
                .execute(Tuple.of(before.atOffset(ZoneOffset.UTC), batch))
                .map(rows -> rows.rowCount());
    }
}
