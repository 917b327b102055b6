package io.tributary.devstack.stack;

import java.time.Duration;

/**
 * Delay before restarting a service that exited, as Kubernetes' CrashLoopBackOff does it, scaled to a laptop: the
 * delay doubles with each exit in a row, up to a cap, and a service that stayed up long enough starts over.
 */
final class RestartBackOff {
    private final Duration initial;
    private final Duration max;
    private final Duration stableAfter;
    private int exitsInARow;

    RestartBackOff(Duration initial, Duration max, Duration stableAfter) {
        this.initial = initial;
        this.max = max;
        this.stableAfter = stableAfter;
    }

    /** 1 s, 2 s, 4 s … 30 s; reset after 60 s up. */
    static RestartBackOff standard() {
        return new RestartBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    /** @param uptime how long the process that just exited had been running */
    synchronized Duration next(Duration uptime) {
        if (uptime.compareTo(stableAfter) >= 0) {
            exitsInARow = 0;
        }
        Duration delay = initial.multipliedBy(1L << Math.min(exitsInARow, 20));
        exitsInARow++;
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
