package io.tributary.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CancelRegistryTest {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration RETENTION = Duration.ofMinutes(10);

    private final MutableClock clock = new MutableClock(T0);

    private static AttemptKey attempt(int n) {
        return new AttemptKey(new UUID(0, n), 1);
    }

    @Test
    void remembersTheReasonOfTheCancelledAttemptOnly() {
        CancelRegistry registry = new CancelRegistry(10, RETENTION, clock);
        AttemptKey key = attempt(1);
        registry.add(key, "stop", T0);

        assertEquals(Optional.of("stop"), registry.reason(key));
        assertEquals(Optional.empty(), registry.reason(new AttemptKey(key.taskRunId(), 2)), "a later attempt runs");
        assertEquals(Optional.empty(), registry.reason(attempt(2)));
    }

    @Test
    void pastTheSizeBoundTheOldestAreForgottenFirst() {
        CancelRegistry registry = new CancelRegistry(3, RETENTION, clock);
        for (int i = 1; i <= 5; i++) {
            registry.add(attempt(i), "c" + i, T0);
        }
        assertEquals(3, registry.size());
        assertEquals(Optional.empty(), registry.reason(attempt(1)));
        assertEquals(Optional.empty(), registry.reason(attempt(2)));
        assertEquals(Optional.of("c3"), registry.reason(attempt(3)));
        assertEquals(Optional.of("c5"), registry.reason(attempt(5)));
    }

    @Test
    void aCancelIsForgottenOnceOlderThanTheRetentionCountingFromWhenItWasSent() {
        CancelRegistry registry = new CancelRegistry(10, RETENTION, clock);
        registry.add(attempt(1), "early", T0.minus(Duration.ofMinutes(8)));
        registry.add(attempt(2), "now", T0);
        registry.add(attempt(3), "replayed, too old", T0.minus(Duration.ofMinutes(11)));
        assertEquals(Optional.empty(), registry.reason(attempt(3)), "never recorded");

        clock.now = T0.plus(Duration.ofMinutes(3));
        assertEquals(Optional.empty(), registry.reason(attempt(1)));
        assertEquals(Optional.of("now"), registry.reason(attempt(2)));

        registry.add(attempt(4), "later", clock.now);
        assertEquals(2, registry.size(), "the expired head was evicted");
    }

    @Test
    void aCancelFromTheFutureCountsFromNow() {
        CancelRegistry registry = new CancelRegistry(10, RETENTION, clock);
        registry.add(attempt(1), "skewed clock", T0.plus(Duration.ofHours(1)));
        registry.add(attempt(2), "no time", null);

        clock.now = T0.plus(RETENTION);
        assertTrue(registry.reason(attempt(1)).isPresent());
        assertTrue(registry.reason(attempt(2)).isPresent());
        clock.now = T0.plus(RETENTION).plusMillis(1);
        assertEquals(Optional.empty(), registry.reason(attempt(1)));
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
