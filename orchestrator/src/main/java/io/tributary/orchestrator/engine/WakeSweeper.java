package io.tributary.orchestrator.engine;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.tributary.orchestrator.OrchestratorConfig;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fires the durable timers: runs whose {@code wake_at} has passed, a bounded batch per transaction, going on at
 * once while full batches come back. The timers live in PostgreSQL, so they survive restarts, and every replica
 * sweeps: {@code SKIP LOCKED} gives each due run to one of them. The scheduled sweep is the safety net (the
 * scheduler's finest interval is a second); a timer this instance set itself is also armed in memory
 * ({@link #expect}), so a 200 ms retry delay fires after 200 ms.
 */
@ApplicationScoped
public class WakeSweeper {
    private final RunEngine engine;
    private final Vertx vertx;
    private final int batch;
    private final AtomicReference<Alarm> alarm = new AtomicReference<>();

    public WakeSweeper(RunEngine engine, Vertx vertx, OrchestratorConfig config) {
        this.engine = engine;
        this.vertx = vertx;
        this.batch = config.wakeBatch();
    }

    private record Alarm(Instant at, long timerId) {}

    /** A timer was set for {@code at}: sweep then, unless an earlier sweep is already armed. */
    public void expect(Instant at) {
        Alarm armed = alarm.get();
        if (armed != null && !armed.at().isAfter(at)) {
            return;
        }
        long delay = Math.max(1, Duration.between(Instant.now(), at).toMillis() + 1);
        long timer = vertx.setTimer(delay, id -> {
            alarm.compareAndSet(new Alarm(at, id), null);
            // A fresh duplicated context: the sweep's Hibernate Reactive session must not meet another's.
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> sweep().subscribe().with(done -> {}));
        });
        Alarm next = new Alarm(at, timer);
        if (!alarm.compareAndSet(armed, next)) {
            vertx.cancelTimer(timer); // another thread armed one meanwhile; the scheduled sweep covers a miss
        } else if (armed != null) {
            vertx.cancelTimer(armed.timerId());
        }
    }

    @Scheduled(
            every = "${tributary.orchestrator.wake-interval}",
            delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return Uni.createFrom()
                .deferred(() -> engine.wake(batch))
                .repeat()
                .until(woken -> woken < batch)
                .collect()
                .last()
                .onFailure()
                .invoke(e -> Log.warnf("Wake sweep will retry: %s", e.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }
}
