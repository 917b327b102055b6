package io.tributary.api.state;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.tributary.api.source.ApiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Keeps the seen table bounded: keys older than the retention go, one batch per run. */
@ApplicationScoped
public class SeenSweeper {
    private final SeenStore seen;
    private final ApiConfig config;

    public SeenSweeper(SeenStore seen, ApiConfig config) {
        this.seen = seen;
        this.config = config;
    }

    @Scheduled(every = "${tributary.api.sweep-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return seen.sweep(Instant.now().minus(config.seenRetention()), config.sweepBatch())
                .invoke(removed -> {
                    if (removed > 0) {
                        Log.debugf("Forgot %d seen keys older than %s", removed, config.seenRetention());
                    }
                })
                .replaceWithVoid()
                .onFailure()
                .recoverWithItem(e -> {
                    Log.warnf("Sweeping seen keys failed; the next sweep tries again: %s", e.getMessage());
                    return null;
                });
    }
}
