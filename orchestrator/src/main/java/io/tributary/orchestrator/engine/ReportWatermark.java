package io.tributary.orchestrator.engine;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.tributary.contract.Topics;
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
    private final TopicWatermark reports;
    private final Instant created = Instant.now();
    private volatile Instant through;

    public ReportWatermark(
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "mp.messaging.incoming.task-updates.group.id") String group) {
        this.reports = new TopicWatermark(kafka, Topics.TASK_UPDATES, group);
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
                })
                .onFailure()
                .invoke(e -> Log.debugf("Checking the task-update commits will retry: %s", e.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * How long before {@code now} the reports may not all have been processed yet: since the last instant through
     * which they were, or since this instance started when it has not seen them caught up.
     */
    public Duration lag(Instant now) {
        Instant processed = through != null ? through : created;
        return processed.isBefore(now) ? Duration.between(processed, now) : Duration.ZERO;
    }

    @PreDestroy
    void close() {
        reports.close();
    }
}
