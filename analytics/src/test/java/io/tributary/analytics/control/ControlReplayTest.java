package io.tributary.analytics.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ControlReplayTest {
    private static final TopicPartition P0 = new TopicPartition("control", 0);
    private static final TopicPartition P1 = new TopicPartition("control", 1);

    private final ControlReplay replay = new ControlReplay();

    @Test
    void opensOnceEveryPartitionReachedItsEndAtAssignment() {
        var waiting = replay.await(Duration.ofMinutes(1)).subscribe().withSubscriber(UniAssertSubscriber.create());
        replay.applied(P0, 3); // a record before any assignment proves nothing
        replay.expect(Map.of(P0, 5L, P1, 2L));
        replay.applied(P0, 4);
        replay.applied(P1, 0);
        assertFalse(replay.isReplayed());
        waiting.assertNotTerminated();

        replay.applied(P1, 1);
        assertTrue(replay.isReplayed());
        waiting.assertCompleted();
    }

    @Test
    void opensAtOnceWhenThereIsNothingToReadAgain() {
        replay.expect(Map.of());
        assertTrue(replay.isReplayed());
    }

    @Test
    void waitingIsBoundedAndLaterTasksNoLongerWait() {
        replay.expect(Map.of(P0, 5L));
        replay.await(Duration.ofMillis(10))
                .subscribe()
                .withSubscriber(UniAssertSubscriber.create())
                .awaitItem(Duration.ofSeconds(5));
        assertTrue(replay.isReplayed(), "given up on");
    }

    @Test
    void oneCancelledWaitDoesNotOpenTheGateForOthers() {
        replay.expect(Map.of(P0, 5L));
        replay.await(Duration.ofMinutes(1))
                .subscribe()
                .withSubscriber(UniAssertSubscriber.create())
                .cancel();
        assertFalse(replay.isReplayed());
    }
}
