package io.tributary.api.poll;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.mutiny.Uni;
import io.tributary.api.intake.RecordIntake;
import io.tributary.api.mapping.BodyReader;
import io.tributary.api.source.ApiConfig;
import io.tributary.api.source.PollConfig;
import io.tributary.api.source.Source;
import io.tributary.api.source.Sources;
import io.tributary.api.state.SourceStateStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One scheduler job per polled source (interval or cron, through quarkus-scheduler's programmatic API). A job runs its
 * poll asynchronously and skips a tick while its previous poll still runs, so a slow source delays only itself.
 */
@ApplicationScoped
public class PollScheduler {
    private final Scheduler scheduler;
    private final Sources sources;
    private final PollServices services;
    private final Map<String, SourcePoller> pollers = new ConcurrentHashMap<>();

    public PollScheduler(
            Scheduler scheduler,
            Sources sources,
            ApiConfig config,
            SourceStateStore states,
            PageFetcher fetcher,
            RecordIntake intake,
            BodyReader bodies) {
        this.scheduler = scheduler;
        this.sources = sources;
        String owner = config.instance()
                .or(() -> Optional.ofNullable(System.getenv("HOSTNAME")))
                .orElseGet(() -> UUID.randomUUID().toString());
        this.services = new PollServices(states, fetcher, intake, bodies, owner, config.leaseDuration());
    }

    void start(@Observes StartupEvent event) {
        for (Source source : sources.all()) {
            source.config().poll().ifPresent(poll -> schedule(source, poll));
        }
        Log.infof("Polling %d sources as lease holder %s", pollers.size(), services.owner());
    }

    private void schedule(Source source, PollConfig poll) {
        SourcePoller poller = new SourcePoller(source, poll, services);
        var job = scheduler
                .newJob("poll-" + source.name())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setAsyncTask(execution -> poller.poll());
        if (poll.cron().isPresent()) {
            job.setCron(poll.cron().get());
        } else {
            job.setInterval(poll.every());
        }
        poller.scheduledBy(job.schedule());
        pollers.put(source.name(), poller);
    }

    /** Polls the source now, as its schedule would; completes when that poll ended (or at once, if one runs). */
    public Uni<Void> pollNow(String name) {
        return pollers.get(name).poll();
    }

    void stop(@Observes ShutdownEvent event) {
        List<Uni<Void>> releases =
                pollers.values().stream().map(SourcePoller::release).toList();
        if (releases.isEmpty()) {
            return;
        }
        try {
            Uni.join().all(releases).andCollectFailures().await().atMost(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            Log.warnf("Leases not released (they expire by themselves): %s", e.getMessage());
        }
    }
}
