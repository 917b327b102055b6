package io.tributary.analytics.control;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of task control (cancels). */
@ConfigMapping(prefix = "tributary.analytics.control")
public interface ControlConfig {
    /**
     * How long a cancel is remembered, and how far back {@code tributary.task-control} is read again at start: a
     * task message delivered up to this long after its cancel is still not executed. Keep the topic's retention
     * at least this long.
     */
    @WithDefault("PT1H")
    Duration retention();

    /** Upper bound of cancels remembered, whatever their age, so a cancel storm cannot exhaust memory. */
    @WithDefault("10000")
    int maxCancelled();

    /**
     * How long tasks wait at start for the recent cancels to be read again before they execute anyway (the
     * control topic unreachable must not stop all work); the wait ends as soon as the replay is done.
     */
    @WithDefault("PT10S")
    Duration replayWait();
}
