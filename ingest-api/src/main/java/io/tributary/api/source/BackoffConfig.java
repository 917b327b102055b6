package io.tributary.api.source;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Exponential back-off of a failing source: after n failed polls in a row it is not polled again for
 * {@code initial × 2^(n−1)}, at most {@code max}, stretched by a random factor in [1, 1 + jitter] so that replicas and
 * sources do not retry in step. A {@code 429} waits for its {@code Retry-After} instead, when that is longer.
 */
public interface BackoffConfig {
    /** The wait after the first failure. */
    @WithDefault("PT1S")
    Duration initial();

    /** The longest wait. */
    @WithDefault("PT5M")
    Duration max();

    /** The random stretch of each wait, as a fraction of it. */
    @WithDefault("0.2")
    double jitter();
}
