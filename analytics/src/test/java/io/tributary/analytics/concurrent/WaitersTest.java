package io.tributary.analytics.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class WaitersTest {
    private final Waiters<String, String> waiters = new Waiters<>();

    @Test
    void aSignalCompletesEveryWaiterOfItsKeyAndOnlyThose() {
        var first = waiters.await("a", Optional::empty).subscribe().withSubscriber(UniAssertSubscriber.create());
        var second = waiters.await("a", Optional::empty).subscribe().withSubscriber(UniAssertSubscriber.create());
        var other = waiters.await("b", Optional::empty).subscribe().withSubscriber(UniAssertSubscriber.create());

        waiters.signal("a", "done");

        first.assertItem("done");
        second.assertItem("done");
        other.assertNotTerminated();
        assertEquals(1, waiters.size(), "only b still waits");
    }

    @Test
    void whatIsAlreadyThereCompletesTheWaitAtOnceAndLeavesNoWaiter() {
        waiters.await("a", () -> Optional.of("there"))
                .subscribe()
                .withSubscriber(UniAssertSubscriber.create())
                .assertItem("there");
        assertEquals(0, waiters.size());
    }

    @Test
    void theStateIsCheckedAfterRegistrationSoASignalInBetweenIsNotLost() {
        AtomicBoolean state = new AtomicBoolean();
        // The signaller changes the state and signals while the waiter registers: the check afterwards sees it.
        var waiter = waiters.await("a", () -> {
                    state.set(true);
                    waiters.signal("a", "raced");
                    return state.get() ? Optional.of("seen") : Optional.empty();
                })
                .subscribe()
                .withSubscriber(UniAssertSubscriber.create());
        waiter.assertCompleted();
        assertEquals(0, waiters.size());
    }

    @Test
    void aWaitThatTimesOutOrIsCancelledLeavesNothingBehind() {
        var timedOut = waiters.await("a", Optional::empty)
                .ifNoItem()
                .after(Duration.ofMillis(10))
                .recoverWithItem("gave up")
                .subscribe()
                .withSubscriber(UniAssertSubscriber.create());
        timedOut.awaitItem(Duration.ofSeconds(5)).assertItem("gave up");
        var cancelled = waiters.await("b", Optional::empty).subscribe().withSubscriber(UniAssertSubscriber.create());
        assertEquals(1, waiters.size());
        cancelled.cancel();

        assertEquals(0, waiters.size());
        waiters.signal("a", "late");
        timedOut.assertItem("gave up");
    }

    @Test
    void aSignalWithoutWaitersIsDropped() {
        waiters.signal("a", "nobody");
        Uni<String> later = waiters.await("a", Optional::empty);
        var waiter = later.subscribe().withSubscriber(UniAssertSubscriber.create());
        waiter.assertNotTerminated();
        assertEquals(1, waiters.size());
        waiter.cancel();
    }
}
