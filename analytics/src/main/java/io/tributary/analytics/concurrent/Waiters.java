package io.tributary.analytics.concurrent;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One-shot notifications by key: a waiter is a {@link Uni} that emits the value signalled for its key. Replaces
 * polling: whoever changes the state signals, whoever needs the state waits. A waiter is removed when it ends in
 * any way (signalled, timed out by the caller, cancelled), so abandoned waits leave nothing behind.
 */
public final class Waiters<K, V> {
    private final Map<K, Set<UniEmitter<? super V>>> waiting = new ConcurrentHashMap<>();

    /**
     * Waits for the next signal of the key, or emits at once what {@code current} returns. {@code current} is asked
     * after the waiter is registered, so a signal between the caller's own check and the registration is not lost:
     * the signaller changes its state before it signals, and the check after registration sees that state.
     */
    public Uni<V> await(K key, Supplier<Optional<V>> current) {
        return Uni.createFrom().emitter(emitter -> {
            // Added inside compute, atomically with a concurrent removal of the key's last waiter.
            waiting.compute(key, (k, emitters) -> {
                Set<UniEmitter<? super V>> set = emitters == null ? ConcurrentHashMap.newKeySet() : emitters;
                set.add(emitter);
                return set;
            });
            emitter.onTermination(() -> remove(key, emitter));
            current.get().ifPresent(emitter::complete);
        });
    }

    /** Completes every waiter of the key with the value. */
    public void signal(K key, V value) {
        if (waiting.isEmpty()) {
            return; // the hot path (every window event) when nobody waits
        }
        Set<UniEmitter<? super V>> emitters = waiting.remove(key);
        if (emitters != null) {
            emitters.forEach(emitter -> emitter.complete(value));
        }
    }

    /** How many keys have waiters: bounded by the waits in progress. */
    public int size() {
        return waiting.size();
    }

    private void remove(K key, UniEmitter<? super V> emitter) {
        waiting.computeIfPresent(key, (k, emitters) -> {
            emitters.remove(emitter);
            return emitters.isEmpty() ? null : emitters;
        });
    }
}
