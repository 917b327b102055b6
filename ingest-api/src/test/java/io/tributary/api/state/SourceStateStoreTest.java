package io.tributary.api.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.api.UpstreamApi;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.PostgresTestResource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Leases and seen keys in the real PostgreSQL, as two replicas would use them. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(UpstreamApi.class)
class SourceStateStoreTest {
    private static final Duration AWAIT = Duration.ofSeconds(10);

    @Inject
    SourceStateStore states;

    @Inject
    SeenStore seen;

    @Inject
    Pool pool;

    @Test
    void oneReplicaAtATimeHoldsASourceAndAnotherTakesItOverOnceItExpires() {
        String source = "lease-" + UUID.randomUUID();
        Duration lease = Duration.ofSeconds(1);
        assertTrue(states.acquire(source, "a", lease).await().atMost(AWAIT).isPresent());
        assertTrue(states.acquire(source, "b", lease).await().atMost(AWAIT).isEmpty(), "b while a holds it");
        assertTrue(states.acquire(source, "a", lease).await().atMost(AWAIT).isPresent(), "a renews");

        Instant watermark = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        SourceState saved = SourceState.EMPTY
                .withValidators(Optional.of("\"e1\""), Optional.of("Wed, 21 Oct 2026 07:28:00 GMT"))
                .completed(watermark);
        assertTrue(states.save(source, "a", saved, lease).await().atMost(AWAIT));

        SourceState takenOver = Awaitility.await()
                .atMost(AWAIT)
                .until(() -> states.acquire(source, "b", lease).await().atMost(AWAIT), Optional::isPresent)
                .orElseThrow();
        assertEquals(saved, takenOver);
        assertFalse(states.save(source, "a", SourceState.EMPTY, lease).await().atMost(AWAIT), "a lost it");

        // A back-off is stored by the holder only, read by whoever polls next, and cleared by the next page read.
        Instant notBefore = Instant.now().plusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
        states.backOff(source, "b", 3, notBefore).await().atMost(AWAIT);
        states.backOff(source, "a", 9, Instant.now()).await().atMost(AWAIT);
        SourceState backingOff =
                states.acquire(source, "b", lease).await().atMost(AWAIT).orElseThrow();
        assertEquals(3, backingOff.failures());
        assertEquals(Optional.of(notBefore), backingOff.notBefore());
        assertTrue(states.save(source, "b", backingOff.completed(watermark), lease)
                .await()
                .atMost(AWAIT));
        assertEquals(
                saved, states.acquire(source, "b", lease).await().atMost(AWAIT).orElseThrow());
        states.release(source, "b").await().atMost(AWAIT);
        assertTrue(states.acquire(source, "a", lease).await().atMost(AWAIT).isPresent(), "released: free at once");
    }

    @Test
    void seenKeysAreRememberedPerSourceAndSweptInBatchesAfterTheRetention() {
        String source = "seen-" + UUID.randomUUID();
        seen.remember(source, List.of("k1", "k2")).await().atMost(AWAIT);
        assertEquals(
                Set.of("k1"), seen.seen(source, List.of("k1", "k3")).await().atMost(AWAIT));
        assertEquals(
                Set.of(), seen.seen("other-" + source, List.of("k1")).await().atMost(AWAIT));

        // Two keys seen long ago; the sweep takes one per batch and leaves what is recent.
        pool.preparedQuery(
                        "insert into ingest_api.seen (source_name, key, seen_at) values ($1, 'old1', $2), ($1, 'old2', $2)")
                .execute(Tuple.of(source, OffsetDateTime.parse("2000-01-01T00:00:00Z")))
                .await()
                .atMost(AWAIT);
        Instant retentionStart = Instant.parse("2001-01-01T00:00:00Z");
        assertEquals(1, seen.sweep(retentionStart, 1).await().atMost(AWAIT));
        assertEquals(1, seen.sweep(retentionStart, 1).await().atMost(AWAIT));
        assertEquals(0, seen.sweep(retentionStart, 1).await().atMost(AWAIT));
        assertEquals(
                Set.of("k1", "k2"),
                seen.seen(source, List.of("k1", "k2", "old1", "old2")).await().atMost(AWAIT));
    }
}
