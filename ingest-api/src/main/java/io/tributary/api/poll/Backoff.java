package io.tributary.api.poll;

import io.tributary.api.source.BackoffConfig;
import java.time.Duration;

/** The wait after failed polls: {@code initial × 2^(failures−1)}, at most {@code max}, stretched by the jitter. */
public final class Backoff {
    private Backoff() {}

    /** @param random a number in [0, 1): where in the jitter range this wait falls */
    public static Duration after(BackoffConfig config, int failures, double random) {
        long initial = config.initial().toMillis();
        long max = config.max().toMillis();
        int doublings = Math.min(Math.max(failures - 1, 0), 40);
        long base = initial > max >> doublings ? max : Math.min(max, initial << doublings);
        return Duration.ofMillis(Math.round(base * (1 + config.jitter() * random)));
    }
}
