package io.tributary.analytics.control;

import io.smallrye.mutiny.Uni;
import io.tributary.analytics.concurrent.Waiters;
import io.tributary.contract.task.TaskControl;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;

/**
 * The cancels this instance knows: the recent ones, so their task messages are refused, and a signal to the
 * attempts running here, so they stop. A cancel is recorded before running attempts are signalled, and an attempt
 * starts waiting before it looks at the record, so a cancel racing with the start of its attempt is seen by one
 * side or the other.
 */
@ApplicationScoped
public class Cancellations {
    static final String DEFAULT_REASON = "cancelled on request";

    private final CancelRegistry registry;
    private final Waiters<AttemptKey, String> running = new Waiters<>();
    private final ControlReplay replay;
    private final ControlConfig config;

    public Cancellations(ControlConfig config, ControlReplay replay) {
        this.registry = new CancelRegistry(config.maxCancelled(), config.retention(), Clock.systemUTC());
        this.replay = replay;
        this.config = config;
    }

    void cancel(TaskControl control) {
        AttemptKey key = AttemptKey.of(control);
        String reason = control.reason() == null || control.reason().isBlank() ? DEFAULT_REASON : control.reason();
        registry.add(key, reason, control.at());
        running.signal(key, reason);
    }

    /** The reason the attempt was cancelled, if it was; right after start, once the recent cancels were read again. */
    public Uni<Optional<String>> cancelledBefore(AttemptKey key) {
        return replay.await(config.replayWait()).map(ignored -> registry.reason(key));
    }

    /**
     * Emits the reason when the attempt is cancelled (at once if it already was). The attempt cancels its
     * subscription when it ends, which drops the waiter.
     */
    public Uni<String> whenCancelled(AttemptKey key) {
        return running.await(key, () -> registry.reason(key));
    }

    public boolean isCancelled(AttemptKey key) {
        return registry.reason(key).isPresent();
    }
}
