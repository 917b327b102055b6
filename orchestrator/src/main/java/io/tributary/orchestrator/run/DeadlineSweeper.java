package io.tributary.orchestrator.run;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.tributary.orchestrator.outbox.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Moves task runs that outlived their deadline to Failed/TimedOut, so a lost executor never leaves a run hanging. */
@ApplicationScoped
public class DeadlineSweeper {
    private final RunService runs;
    private final OutboxRelay relay;

    public DeadlineSweeper(RunService runs, OutboxRelay relay) {
        this.runs = runs;
        this.relay = relay;
    }

    @Scheduled(
            every = "${tributary.orchestrator.deadline-sweep-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return runs.timeOutOverdueTasks(Instant.now())
                .invoke(count -> {
                    if (count > 0) {
                        Log.infof("Timed out %d task run(s)", count);
                        relay.nudge();
                    }
                })
                .onFailure()
                .invoke(e -> Log.warnf("Deadline sweep will retry: %s", e.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }
}
