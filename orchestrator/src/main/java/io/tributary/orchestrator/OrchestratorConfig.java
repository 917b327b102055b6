package io.tributary.orchestrator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.tributary.orchestrator.engine.EngineTimes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Orchestrator settings. */
@ConfigMapping(prefix = "tributary.orchestrator")
public interface OrchestratorConfig {
    /** How often the outbox is swept for messages a nudge missed (a crash between commit and relay). */
    @WithDefault("1s")
    String outboxInterval();

    /**
     * How often every run with a due timer (timeouts, heartbeats, retries, cancel grace, Late) is looked for; timers
     * this instance set also fire on time in between.
     */
    @WithDefault("1s")
    String wakeInterval();

    /** At most this many runs are woken per transaction; the sweep goes on at once while more are due. */
    @WithDefault("200")
    int wakeBatch();

    /** How often executors report a running attempt (sent to them with each task). */
    @WithDefault("PT5S")
    Duration heartbeatInterval();

    /**
     * A running attempt that has not reported for this long is Crashed (and retried if its policy says so). Longer
     * than the Kafka consumer session timeout (45 s), so that the partitions of a replica that died are taken over
     * before their attempts could look silent.
     */
    @WithDefault("PT90S")
    Duration heartbeatTimeout();

    /** How long a Cancelling task run waits for the executor's confirmation before it is Cancelled anyway. */
    @WithDefault("PT30S")
    Duration cancelGrace();

    /** How stale the in-memory flow catalogue may be when another replica changed a flow. */
    @WithDefault("PT1S")
    Duration flowRefresh();

    /** How long a finished run (with its task runs and history) is kept before the retention sweep removes it. */
    @WithDefault("P7D")
    Duration retention();

    /** Runs removed per retention transaction: small, so that the sweep never holds many locks. */
    @WithDefault("500")
    int retentionBatch();

    /** How often finished runs past the retention are looked for. */
    @WithDefault("10s")
    String retentionSweepInterval();

    /** Flows as code: files of a folder (in Kubernetes, a mounted ConfigMap). */
    Flows flows();

    interface Flows {
        /**
         * A folder of flow files ({@code *.yaml}, {@code *.yml}, {@code *.json}, one flow each), loaded at start and
         * whenever a file changes; a flow whose file is removed is deleted. Unset: flows are managed over HTTP only.
         */
        Optional<Path> directory();

        /** How often the folder is read for changes (a ConfigMap update reaches the pod's files within a minute). */
        @WithDefault("5s")
        String scanInterval();
    }

    /** Schedule triggers. */
    Schedules schedules();

    interface Schedules {
        /** How often due schedules are looked for: a run starts at most this long after its fire time. */
        @WithDefault("1s")
        String sweepInterval();

        /**
         * A fire time older than this when it is seen was missed (no orchestrator ran then): the schedule's catch-up
         * policy decides whether it starts a run.
         */
        @WithDefault("PT1M")
        Duration grace();

        /** At most this many due schedules are fired per transaction. */
        @WithDefault("100")
        int batch();
    }

    /** What {@code /q/metrics} shows beyond what is counted as it happens. */
    Metrics metrics();

    interface Metrics {
        /**
         * How often the outbox's rows are counted for {@code tributary.outbox.backlog}. A scrape reads the last
         * count, never the database: scrapes cannot pile queries up on a struggling database.
         */
        @WithDefault("15s")
        String outboxBacklogInterval();

        /** The count stops here (one cheap bounded query however large the outbox grew): the gauge reads at most this. */
        @WithDefault("100000")
        int outboxBacklogCap();

        /**
         * How often flow runs are counted by their current state type for {@code tributary.runs.current} (and the
         * census {@code RunCensus.latest()} serves). A scrape reads the last count, never the database.
         */
        @WithDefault("10s")
        String runCensusInterval();

        /**
         * Each state type's count stops here (one bounded index scan per type however many finished runs the
         * retention keeps): the gauge of a type reads at most this.
         */
        @WithDefault("100000")
        int runCensusCap();
    }

    default EngineTimes times() {
        return new EngineTimes(heartbeatInterval(), heartbeatTimeout(), cancelGrace());
    }
}
