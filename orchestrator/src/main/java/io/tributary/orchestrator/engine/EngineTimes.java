package io.tributary.orchestrator.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * The engine's own clocks.
 *
 * @param heartbeatInterval how often executors report a running attempt
 * @param heartbeatTimeout a running attempt without a report for this long is Crashed
 * @param cancelGrace how long a Cancelling task run waits for the executor's confirmation before it is Cancelled
 * @param crashesJudgedFrom no attempt is judged Crashed before this instant: until this instance has consumed its
 *     task-update partitions for a whole heartbeat timeout (after start or a rebalance), silence may be its own
 *     backlog rather than a dead executor
 * @param reportLag how far the processing of reports, by all replicas, lags behind now ({@link ReportWatermark}):
 *     a heartbeat sent that long ago may still be waiting in the topic, so silence is judged that much later
 */
public record EngineTimes(
        Duration heartbeatInterval,
        Duration heartbeatTimeout,
        Duration cancelGrace,
        Instant crashesJudgedFrom,
        Duration reportLag) {

    public EngineTimes(Duration heartbeatInterval, Duration heartbeatTimeout, Duration cancelGrace) {
        this(heartbeatInterval, heartbeatTimeout, cancelGrace, Instant.EPOCH, Duration.ZERO);
    }

    EngineTimes judgingCrashes(Instant from, Duration lag) {
        return new EngineTimes(heartbeatInterval, heartbeatTimeout, cancelGrace, from, lag);
    }

    /** When a running attempt that last reported at {@code heartbeatAt} counts as Crashed. */
    Instant silentUntil(Instant heartbeatAt) {
        Instant silent = heartbeatAt.plus(heartbeatTimeout).plus(reportLag);
        return silent.isBefore(crashesJudgedFrom) ? crashesJudgedFrom : silent;
    }
}
