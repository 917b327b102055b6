package io.tributary.orchestrator.lifecycle;

import static io.tributary.orchestrator.lifecycle.StateName.AWAITING_CONCURRENCY_SLOT;
import static io.tributary.orchestrator.lifecycle.StateName.AWAITING_RETRY;
import static io.tributary.orchestrator.lifecycle.StateName.CANCELLED;
import static io.tributary.orchestrator.lifecycle.StateName.CANCELLING;
import static io.tributary.orchestrator.lifecycle.StateName.COMPLETED;
import static io.tributary.orchestrator.lifecycle.StateName.CRASHED;
import static io.tributary.orchestrator.lifecycle.StateName.FAILED;
import static io.tributary.orchestrator.lifecycle.StateName.LATE;
import static io.tributary.orchestrator.lifecycle.StateName.PAUSED;
import static io.tributary.orchestrator.lifecycle.StateName.PENDING;
import static io.tributary.orchestrator.lifecycle.StateName.RETRYING;
import static io.tributary.orchestrator.lifecycle.StateName.RUNNING;
import static io.tributary.orchestrator.lifecycle.StateName.SCHEDULED;
import static io.tributary.orchestrator.lifecycle.StateName.TIMED_OUT;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The run lifecycle: every legal move between named states, for flow runs and task runs alike. Every state change
 * of the engine is checked here; anything not in the table is refused and counted. {@code docs/run-lifecycle.md} is
 * rendered from this table by a test, so the picture cannot drift from the code.
 */
public final class RunLifecycle {
    private static final Map<StateName, Set<StateName>> LEGAL = new EnumMap<>(StateName.class);

    static {
        // from                       to
        // Failed straight from Scheduled: a task whose parameters cannot be computed is never dispatched.
        allow(SCHEDULED, PENDING, LATE, AWAITING_CONCURRENCY_SLOT, CANCELLED, FAILED);
        allow(LATE, PENDING, AWAITING_CONCURRENCY_SLOT, RUNNING, RETRYING, CANCELLING, CANCELLED, FAILED, CRASHED);
        allow(AWAITING_RETRY, PENDING, AWAITING_CONCURRENCY_SLOT, SCHEDULED, CANCELLED);
        allow(AWAITING_CONCURRENCY_SLOT, PENDING, LATE, CANCELLED);
        allow(PENDING, RUNNING, RETRYING, LATE, AWAITING_RETRY, FAILED, TIMED_OUT, CRASHED, CANCELLING, CANCELLED);
        allow(RUNNING, COMPLETED, FAILED, TIMED_OUT, CRASHED, AWAITING_RETRY, CANCELLING, CANCELLED, PAUSED);
        allow(RETRYING, COMPLETED, FAILED, TIMED_OUT, CRASHED, AWAITING_RETRY, CANCELLING, CANCELLED, PAUSED);
        allow(PAUSED, RUNNING, CANCELLING, CANCELLED);
        allow(CANCELLING, CANCELLED);
        allow(COMPLETED);
        // A finished run that did not complete can be re-run by hand (POST /runs/{id}/retry).
        allow(FAILED, AWAITING_RETRY, SCHEDULED);
        allow(TIMED_OUT, AWAITING_RETRY, SCHEDULED);
        allow(CRASHED, AWAITING_RETRY, SCHEDULED);
        allow(CANCELLED, AWAITING_RETRY, SCHEDULED);
    }

    /** The states a run or task run may be created in. */
    private static final Set<StateName> INITIAL = Collections.unmodifiableSet(EnumSet.of(SCHEDULED, PENDING));

    private static final AtomicLong REFUSED = new AtomicLong();

    private RunLifecycle() {}

    private static void allow(StateName from, StateName... to) {
        Set<StateName> targets = EnumSet.noneOf(StateName.class);
        targets.addAll(List.of(to));
        LEGAL.put(from, Collections.unmodifiableSet(targets));
    }

    /** @param from null for a run or task run being created */
    public static boolean isLegal(StateName from, StateName to) {
        return next(from).contains(to);
    }

    /** The states a run in {@code from} (null: not created yet) may move to. */
    public static Set<StateName> next(StateName from) {
        return from == null ? INITIAL : LEGAL.get(from);
    }

    /**
     * Refuses an illegal move, counting it.
     *
     * @param history the run's states so far, for the message
     */
    public static void check(String what, StateName from, StateName to, Object history) {
        if (!isLegal(from, to)) {
            REFUSED.incrementAndGet();
            throw new IllegalTransitionException(what + ": " + (from == null ? "(new)" : from.label()) + " -> "
                    + to.label() + " is not a legal transition (legal: "
                    + next(from).stream().map(StateName::label).toList() + "); history: " + history);
        }
    }

    /** How many transitions were refused since start. */
    public static long refused() {
        return REFUSED.get();
    }
}
