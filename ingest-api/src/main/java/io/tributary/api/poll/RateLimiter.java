package io.tributary.api.poll;

import io.smallrye.mutiny.Uni;
import java.time.Duration;

/** Spaces one source's requests at least {@code 1 / rate} apart: each caller is given the next free slot. */
final class RateLimiter {
    private final long intervalNanos;
    private long nextSlot;

    /** @param perSecond requests per second; zero or less: no limit */
    RateLimiter(double perSecond) {
        this.intervalNanos = perSecond > 0 ? Math.round(1e9 / perSecond) : 0;
        this.nextSlot = System.nanoTime();
    }

    Uni<Void> acquire() {
        if (intervalNanos == 0) {
            return Uni.createFrom().voidItem();
        }
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextSlot);
            nextSlot = slot + intervalNanos;
            wait = slot - now;
        }
        return wait <= 0
                ? Uni.createFrom().voidItem()
                : Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofNanos(wait));
    }
}
