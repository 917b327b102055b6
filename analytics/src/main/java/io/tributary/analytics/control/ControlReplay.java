package io.tributary.analytics.control;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether the cancels of the recent past were read again since start. The control and task topics are read by
 * different consumers, so right after a start a task message can arrive before its cancel is read again; tasks
 * wait for the replay (bounded). Only the first assignment counts: the cancels live in memory, so a later
 * reassignment of the same process forgets nothing.
 */
@ApplicationScoped
public class ControlReplay {
    private final CompletableFuture<Void> replayed = new CompletableFuture<>();
    private final Map<TopicPartition, Long> pending = new HashMap<>();
    private boolean assigned;

    /** On assignment: for each partition with records to read again, the end offset to reach. */
    synchronized void expect(Map<TopicPartition, Long> ends) {
        if (replayed.isDone()) {
            return;
        }
        assigned = true;
        pending.clear();
        pending.putAll(ends);
        openIfReplayed();
    }

    /** After the command at this offset was applied. */
    void applied(TopicPartition partition, long offset) {
        if (replayed.isDone()) {
            return; // every command after the replay: no lock
        }
        synchronized (this) {
            Long end = pending.get(partition);
            if (end != null && offset + 1 >= end) {
                pending.remove(partition);
            }
            openIfReplayed();
        }
    }

    public boolean isReplayed() {
        return replayed.isDone();
    }

    /**
     * Emits once the replay is done, or after the bound: then tasks go on without it (a control topic out of reach
     * must not stop every task), and later ones no longer wait.
     */
    Uni<Void> await(Duration bound) {
        if (replayed.isDone()) {
            return Uni.createFrom().voidItem();
        }
        // A copy: cancelling one wait must not complete the shared future.
        return Uni.createFrom()
                .completionStage(replayed.copy())
                .ifNoItem()
                .after(bound)
                .recoverWithItem(() -> {
                    if (replayed.complete(null)) {
                        Log.warnf("Recent task cancels not read again within %s; executing tasks without them", bound);
                    }
                    return null;
                });
    }

    private void openIfReplayed() {
        if (assigned && pending.isEmpty() && replayed.complete(null)) {
            Log.debug("Recent task cancels read again");
        }
    }
}
