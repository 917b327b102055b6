package io.tributary.orchestrator.engine;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.tributary.contract.Topics;
import io.tributary.orchestrator.OrchestratorConfig;
import io.tributary.orchestrator.messaging.TopicWatermark;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How far the orchestrators' processing of executors' reports ({@code tributary.task-updates}) lags behind now, all
 * replicas together. A heartbeat still waiting in the topic is no crash: whichever replica sweeps a run's timer,
 * a silent attempt is judged Crashed only that much later ({@link EngineTimes#silentUntil}), so a busy platform — a
 * backlog on any replica's partitions — never crashes an attempt whose executor is alive.
 */
@ApplicationScoped
public class ReportWatermark {
    /** Heartbeat timeouts a silence may be put off at most, when the lag is longer or not known. */
    private static final int MAX_TIMEOUTS_PUT_OFF = 10;

    private final TopicWatermark reports;
    private final Duration maxLag;
    private volatile Instant through;
    private volatile boolean failing;

    public ReportWatermark(
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "mp.messaging.incoming.task-updates.group.id") String group,
            OrchestratorConfig config) {
        this.reports = new TopicWatermark(kafka, Topics.TASK_UPDATES, group);
        this.maxLag = config.heartbeatTimeout().multipliedBy(MAX_TIMEOUTS_PUT_OFF);
    }

    // Delayed: the topic and the group's commits exist once messaging has started.
    @Scheduled(
            every = "${tributary.orchestrator.wake-interval}",
            delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> check() {
        return reports.advance()
                .invoke(instant -> {
                    if (instant != null) {
                        through = instant;
                    }
                    if (failing) {
                        failing = false;
                        Log.info("Checking the task-update commits works again");
                    }
                })
                .onFailure()
                .invoke(e -> {
                    if (!failing) {
                        failing = true;
                        Log.warnf(
                                "Checking the task-update commits failed (retried every sweep; silent attempts are"
                                        + " judged Crashed up to %s late meanwhile): %s",
                                maxLag, e.getMessage());
                    }
                })
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * How long before {@code now} the reports may not all have been processed yet: since the last instant through
     * which they were. Unknown until the commits have once reached what the topic held (after a restart, other
     * replicas' backlogs included), and then as long as it may be: ten heartbeat timeouts, so that a watermark that
     * cannot move (the admin calls failing, say) delays crash detection rather than ending it.
     */
    public Duration lag(Instant now) {
        Instant processed = through;
        if (processed == null) {
            return maxLag;
        }
        Duration lag = processed.isBefore(now) ? Duration.between(processed, now) : Duration.ZERO;
        return lag.compareTo(maxLag) > 0 ? maxLag : lag;
    }

    @PreDestroy
    void close() {
        reports.close();
    }
}
