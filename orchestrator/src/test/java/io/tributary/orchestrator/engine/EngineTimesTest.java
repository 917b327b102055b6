package io.tributary.orchestrator.engine;

import static io.tributary.contract.task.TaskStatus.RUNNING;
import static io.tributary.orchestrator.engine.Runs.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.orchestrator.flow.TaskSpec;
import io.tributary.orchestrator.lifecycle.StateName;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EngineTimesTest {
    @Test
    void aSilenceIsJudgedOnlyOnceTheReportsSentBeforeItCanHaveBeenProcessed() {
        EngineTimes times = Runs.TIMES;
        assertEquals(T0.plusSeconds(30), times.silentUntil(T0), "the heartbeat timeout after the last report");

        // The replicas' processing of reports is 45 s behind: a heartbeat may wait in the topic that long.
        EngineTimes lagging = times.judgingCrashes(T0.minusSeconds(1), Duration.ofSeconds(45));
        assertEquals(T0.plusSeconds(75), lagging.silentUntil(T0));

        // Just after taking over partitions, no silence counts before a whole timeout of consuming them.
        EngineTimes reassigned = times.judgingCrashes(T0.plusSeconds(100), Duration.ZERO);
        assertEquals(T0.plusSeconds(100), reassigned.silentUntil(T0));
    }

    @Test
    void aRunningAttemptIsNotCrashedWhileItsHeartbeatsMayStillBeInABacklog() {
        Runs runs = Runs.started(null, new TaskSpec("stats", "window-stats", null, null, 300L, null));
        runs.report("stats", RUNNING);

        EngineTimes lagging = Runs.TIMES.judgingCrashes(T0.minusSeconds(1), Duration.ofSeconds(45));
        assertTrue(
                WakeDecider.wake(runs.graph, T0.plusSeconds(50), lagging, new Random(1))
                        .isEmpty(),
                "30 s of silence, but reports are 45 s behind: nothing is decided");
        runs.at(T0.plusSeconds(50)).wakeAt(T0.plusSeconds(50));
        assertEquals(StateName.CRASHED, runs.task("stats"), "caught up, the same silence is a crash");
    }
}
