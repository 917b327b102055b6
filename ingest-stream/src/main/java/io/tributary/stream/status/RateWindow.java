package io.tributary.stream.status;

import java.util.concurrent.atomic.AtomicLongArray;

/** Counts per second over the last minute, for a rate that follows the traffic instead of averaging since start. */
final class RateWindow {
    private static final int SECONDS = 60;
    private final AtomicLongArray counts = new AtomicLongArray(SECONDS);
    private final AtomicLongArray stamps = new AtomicLongArray(SECONDS);

    void record(long epochSecond) {
        int slot = (int) (epochSecond % SECONDS);
        long stamp = stamps.get(slot);
        if (stamp != epochSecond && stamps.compareAndSet(slot, stamp, epochSecond)) {
            counts.set(slot, 0);
        }
        counts.incrementAndGet(slot);
    }

    /** Per second, over the 60 seconds before {@code nowEpochSecond} (the current, partial second left out). */
    double perSecond(long nowEpochSecond) {
        long total = 0;
        for (int slot = 0; slot < SECONDS; slot++) {
            long stamp = stamps.get(slot);
            if (stamp < nowEpochSecond && stamp >= nowEpochSecond - SECONDS) {
                total += counts.get(slot);
            }
        }
        return total / (double) SECONDS;
    }
}
