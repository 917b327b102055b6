package io.tributary.api.state;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Source state in PostgreSQL, and the lease that lets one replica at a time poll a source. A lease is a row's
 * {@code lease_until}: taken when free, expired or already ours, renewed by every save, and taken over by another
 * replica once a dead holder lets it expire. Saves are conditional on holding it, so a replica that lost its lease
 * (paused past it) cannot move the watermark behind the new holder's back.
 */
@ApplicationScoped
public class SourceStateStore {
    private static final String ACQUIRE = """
            insert into ingest_api.source_state (source_name, lease_owner, lease_until)
            values ($1, $2, now() + make_interval(secs => $3))
            on conflict (source_name) do update
               set lease_owner = excluded.lease_owner, lease_until = excluded.lease_until
             where source_state.lease_owner = excluded.lease_owner or source_state.lease_until < now()
            returning watermark, etag, last_modified, resume_url, resume_since, failures, not_before
            """;
    private static final String SAVE = """
            update ingest_api.source_state
               set watermark = $3, etag = $4, last_modified = $5, resume_url = $6, resume_since = $7,
                   failures = 0, not_before = null, lease_until = now() + make_interval(secs => $8), updated_at = now()
             where source_name = $1 and lease_owner = $2
            """;
    private static final String BACK_OFF = """
            update ingest_api.source_state set failures = $3, not_before = $4, updated_at = now()
             where source_name = $1 and lease_owner = $2
            """;
    private static final String RELEASE = """
            update ingest_api.source_state set lease_until = '-infinity'
             where source_name = $1 and lease_owner = $2
            """;

    private final Pool pool;

    public SourceStateStore(Pool pool) {
        this.pool = pool;
    }

    /** The source's state if this owner now holds its lease (for {@code duration}), empty if another one does. */
    public Uni<Optional<SourceState>> acquire(String source, String owner, Duration duration) {
        return pool.preparedQuery(ACQUIRE)
                .execute(Tuple.of(source, owner, seconds(duration)))
                .map(rows -> rows.rowCount() == 0
                        ? Optional.empty()
                        : Optional.of(read(rows.iterator().next())));
    }

    /**
     * Stores that the source failed {@code failures} times in a row and waits until {@code notBefore}, for whichever
     * replica polls it next; nothing when this owner no longer holds the lease.
     */
    public Uni<Void> backOff(String source, String owner, int failures, Instant notBefore) {
        return pool.preparedQuery(BACK_OFF)
                .execute(Tuple.of(source, owner, failures, notBefore.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    /** Stores the state after a page was read (clearing any back-off) and renews the lease; false when this owner no longer holds it (nothing was stored). */
    public Uni<Boolean> save(String source, String owner, SourceState state, Duration duration) {
        return pool.preparedQuery(SAVE)
                .execute(Tuple.tuple()
                        .addString(source)
                        .addString(owner)
                        .addOffsetDateTime(time(state.watermark()))
                        .addString(state.etag().orElse(null))
                        .addString(state.lastModified().orElse(null))
                        .addString(state.resumeUrl().orElse(null))
                        .addOffsetDateTime(time(state.resumeSince()))
                        .addDouble(seconds(duration)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Lets the lease go at once (at shutdown), so another replica need not wait for it to expire. */
    public Uni<Void> release(String source, String owner) {
        return pool.preparedQuery(RELEASE).execute(Tuple.of(source, owner)).replaceWithVoid();
    }

    private static SourceState read(Row row) {
        return new SourceState(
                instant(row.getOffsetDateTime("watermark")),
                Optional.ofNullable(row.getString("etag")),
                Optional.ofNullable(row.getString("last_modified")),
                Optional.ofNullable(row.getString("resume_url")),
                instant(row.getOffsetDateTime("resume_since")),
                row.getInteger("failures"),
                instant(row.getOffsetDateTime("not_before")));
    }

    private static Optional<Instant> instant(OffsetDateTime time) {
        return Optional.ofNullable(time).map(OffsetDateTime::toInstant);
    }

    private static OffsetDateTime time(Optional<Instant> instant) {
        return instant.map(i -> i.atOffset(ZoneOffset.UTC)).orElse(null);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
