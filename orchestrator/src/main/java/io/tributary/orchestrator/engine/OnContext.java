package io.tributary.orchestrator.engine;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Keeps work that uses Hibernate Reactive on the Vert.x context it was created on. A retry with back-off
 * re-subscribes from a worker thread, where the reactive session cannot be used; this sends each (re)subscription
 * back to the context.
 */
public final class OnContext {
    private OnContext() {}

    public static <T> Uni<T> pinned(Uni<T> work) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return work;
        }
        return work.runSubscriptionOn(task -> {
            if (Vertx.currentContext() == context) {
                task.run();
            } else {
                context.runOnContext(ignored -> task.run());
            }
        });
    }
}
