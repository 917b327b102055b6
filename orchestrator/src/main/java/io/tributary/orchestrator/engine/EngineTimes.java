package io.tributary.orchestrator.engine;

import java.time.Duration;

/**
 * The engine's own clocks, from configuration.
 *
 * @param heartbeatInterval how often executors report a running attempt
 * @param heartbeatTimeout a running attempt without a report for this long is Crashed
 * @param cancelGrace how long a Cancelling task run waits for the executor's confirmation before it is Cancelled
 */
public record EngineTimes(Duration heartbeatInterval, Duration heartbeatTimeout, Duration cancelGrace) {}
