package io.tributary.analytics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Analytics settings. */
@ConfigMapping(prefix = "tributary.analytics")
public interface AnalyticsConfig {
    /**
     * How much event time each series window keeps, counted back from the series' newest event; also how far back
     * windows are rebuilt from Kafka at start.
     */
    @WithDefault("PT1H")
    Duration retention();

    /**
     * Upper bound of samples kept per series, whatever their age, so one chatty device cannot exhaust memory: past
     * it the oldest go (the series' {@code capped} counter says how many).
     */
    @WithDefault("10000")
    int maxSamplesPerSeries();

    /**
     * How far an event may lag behind its series' newest event time and still enter the window; a later one is
     * refused and counted ({@code tooLate} in {@code GET /series}), never silently dropped.
     */
    @WithDefault("PT5M")
    Duration allowedLateness();

    /** A series that received no event for this long (wall clock) is evicted from memory, and counted. */
    @WithDefault("PT1H")
    Duration idleTimeout();

    /** How often idle series are looked for. */
    @WithDefault("1m")
    String idleSweep();

    /**
     * How long a task waits for the window consumer to reach its triggering event (the two read different topics)
     * before computing on what the window holds plus the events the task carries.
     */
    @WithDefault("PT5S")
    Duration windowCatchUp();

    /** How many recent results {@code GET /results} keeps (in memory, per instance; Kafka is the record). */
    @WithDefault("1000")
    int recentResults();

    /**
     * How many ended attempts are remembered, so that a task message delivered again (a redelivered batch) is not
     * executed twice and publishes no second result.
     */
    @WithDefault("100000")
    int endedAttempts();
}
