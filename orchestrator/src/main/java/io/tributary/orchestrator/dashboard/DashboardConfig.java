package io.tributary.orchestrator.dashboard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The web dashboard and the live feeds behind it (events, dead letters, results, rates). */
@ConfigMapping(prefix = "tributary.orchestrator.dashboard")
public interface DashboardConfig {
    /**
     * Whether this replica tails {@code tributary.events}, {@code tributary.events.dlq} and {@code tributary.results}
     * for the dashboard. Off, the pages still serve flows and runs, and the feeds stay empty: the tail reads every
     * event on every replica, a cost a replica that serves no dashboard can spare.
     */
    @WithDefault("true")
    boolean feed();

    /** How many of the newest items of each feed (events, dead letters, results) a page opens with. */
    @WithDefault("200")
    int recent();

    /** How far back the rate sparklines reach, one point per second. */
    @WithDefault("PT5M")
    Duration rateHistory();

    /** How many series the series page can choose from (least recently seen forgotten first). */
    @WithDefault("1000")
    int series();

    /** How many of the newest values per series and metric the series chart opens with. */
    @WithDefault("300")
    int seriesPoints();

    /**
     * Over how long the overview ranks flows by their slowest and most failing runs: runs that ended within this
     * long. A longer reach reads more runs per overview.
     */
    @WithDefault("PT15M")
    Duration flowStatsWindow();

    /**
     * How many items a page's live feed may fall behind before its stream is ended (the browser reconnects and follows
     * on from then). Bounds the memory one slow browser holds.
     */
    @WithDefault("1000")
    int buffer();
}
