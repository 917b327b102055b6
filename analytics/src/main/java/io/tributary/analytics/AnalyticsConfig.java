package io.tributary.analytics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Analytics settings. */
@ConfigMapping(prefix = "tributary.analytics")
public interface AnalyticsConfig {
    /** How much event time each series window keeps; also how far back windows are rebuilt from Kafka at start. */
    @WithDefault("PT1H")
    Duration retention();

    /** Upper bound of samples kept per series, whatever their age, so one chatty device cannot exhaust memory. */
    @WithDefault("10000")
    int maxSamplesPerSeries();

    /**
     * How long a task waits for the window consumer to reach its triggering event (the two read different topics)
     * before computing on what the window holds plus the events the task carries.
     */
    @WithDefault("PT5S")
    Duration windowCatchUp();
}
