package io.tributary.orchestrator.run.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.tributary.contract.run.RunChange;
import io.tributary.contract.run.StateType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.jaxrs.SseImpl;
import org.junit.jupiter.api.Test;

/** The live feed's fan-out without Kafka: bounded queues, the dropped event, and ids that resume without a gap. */
class LiveStreamsTest {
    private final LiveChanges live = new LiveChanges();
    private final RunStream stream = new RunStream(live, Map.of(), config(2));
    private Positions read = Positions.NONE;

    @Test
    void aSubscriberThatFallsBehindGetsWhatItsQueueHeldThenADroppedEventWhileOthersGoOn() {
        AssertSubscriber<OutboundSseEvent> slow = open(1);
        AssertSubscriber<OutboundSseEvent> fast = open(Long.MAX_VALUE);
        for (int i = 0; i < 5; i++) {
            publish(0);
        }
        assertEquals(6, fast.getItems().size());
        assertTrue(!fast.hasCompleted());

        slow.request(10);
        List<OutboundSseEvent> events = slow.getItems();
        assertEquals(List.of("subscribed", "message", "message", "dropped"), names(events));
        assertEquals("p0-o2", events.get(2).getId(), "the last change kept resumes after it");
        assertNull(events.get(3).getId(), "the dropped event leaves the client's last id as it was");
        slow.assertCompleted();
    }

    @Test
    void aNewSubscriberStartsAfterWhatWasPublishedAndEachIdCoversEveryPartitionRead() {
        publish(0);
        publish(1);
        AssertSubscriber<OutboundSseEvent> subscriber = open(Long.MAX_VALUE);
        publish(1);
        publish(0);
        List<OutboundSseEvent> events = subscriber.getItems();
        assertEquals(List.of("p0-o1.p1-o1", "p0-o1.p1-o2", "p0-o2.p1-o2"), ids(events));
    }

    @Test
    void aFilterKeepsTheIdsMovingPastWhatItLeftOut() {
        UUID wanted = UUID.randomUUID();
        AssertSubscriber<OutboundSseEvent> subscriber = stream.open(
                        SseImpl.INSTANCE, change -> change.flowId().equals(wanted), null)
                .subscribe()
                .withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        publish(0, UUID.randomUUID());
        publish(0, wanted);
        publish(0, UUID.randomUUID());
        publish(0, wanted);
        assertEquals(List.of("start", "p0-o2", "p0-o4"), ids(subscriber.getItems()));
    }

    @Test
    void positionsReadBackWhatTheyWrite() {
        Positions positions = Positions.NONE.with(3, 7).with(0, 12);
        assertEquals("p0-o12.p3-o7", positions.encode());
        assertEquals(positions, Positions.parse("p0-o12.p3-o7"));
        assertEquals(Positions.NONE, Positions.parse("start"));
        assertEquals(
                "p0-o12.p1-o4.p3-o7",
                positions.atLeast(Positions.NONE.with(0, 5).with(1, 4)).encode());
        assertTrue(positions.covers(0, 11));
        assertTrue(!positions.covers(0, 12));
        assertTrue(!positions.covers(2, 0), "a partition not named is read from its beginning");
        for (String bad : List.of("", "p0", "p0-o1.", "p0-o1.p0-o2", "0-1", "p-1-o2", "p0-o99999999999999999999")) {
            assertThrows(IllegalArgumentException.class, () -> Positions.parse(bad), bad);
        }
    }

    private AssertSubscriber<OutboundSseEvent> open(long demand) {
        return stream.open(SseImpl.INSTANCE, change -> true, null)
                .subscribe()
                .withSubscriber(AssertSubscriber.create(demand));
    }

    private void publish(int partition) {
        publish(partition, UUID.randomUUID());
    }

    /** A change as the feed publishes it, one offset after the last on its partition. */
    private void publish(int partition, UUID flowId) {
        long at = read.of(partition);
        read = read.with(partition, at + 1);
        RunChange change =
                new RunChange(UUID.randomUUID(), flowId, null, StateType.PENDING, "Pending", null, Instant.now(), null);
        live.publish(new LiveChange(change, partition, at, read));
    }

    private static List<String> names(List<OutboundSseEvent> events) {
        return events.stream()
                .map(e -> e.getName() == null ? "message" : e.getName())
                .toList();
    }

    private static List<String> ids(List<OutboundSseEvent> events) {
        return events.stream().map(OutboundSseEvent::getId).toList();
    }

    private static LiveConfig config(int buffer) {
        return new LiveConfig() {
            @Override
            public int buffer() {
                return buffer;
            }

            @Override
            public int maxCatchUps() {
                return 1;
            }
        };
    }
}
