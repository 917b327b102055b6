package io.tributary.analytics.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import io.tributary.analytics.TestConfigs;
import io.tributary.contract.event.EventData;
import io.tributary.contract.event.EventTypes;
import io.tributary.contract.event.NormalizedEvent;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Waiting for an event to reach its window: notified on arrival, and nothing left behind by abandoned waits. */
class SeriesWindowsTest {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    private final SeriesWindows windows =
            new SeriesWindows(TestConfigs.analytics(100, Duration.ofMinutes(1), Duration.ofHours(1)));

    private static NormalizedEvent event(String id) {
        return new NormalizedEvent(
                id,
                URI.create("/iot/devices"),
                EventTypes.MEASUREMENT,
                "pump",
                T0,
                new EventData(Map.of("v", 1.0), Map.of(), null));
    }

    @Test
    void aWaiterIsNotifiedWhenItsEventArrives() {
        NormalizedEvent awaited = event("e2");
        var waiter =
                windows.awaitEvent(awaited.seriesKey(), "e2").subscribe().withSubscriber(UniAssertSubscriber.create());
        windows.add(event("e1"));
        waiter.assertNotTerminated();

        windows.add(awaited);
        waiter.assertCompleted();
        assertEquals(0, windows.waiting());
    }

    @Test
    void anEventAlreadyInTheWindowEndsTheWaitAtOnce() {
        NormalizedEvent event = event("e1");
        windows.add(event);
        windows.awaitEvent(event.seriesKey(), "e1")
                .subscribe()
                .withSubscriber(UniAssertSubscriber.create())
                .assertCompleted();
        assertEquals(0, windows.waiting());
    }

    @Test
    void aBoundedWaitThatEndsWithoutTheEventLeavesNoWaiter() {
        String series = event("x").seriesKey();
        windows.awaitEvent(series, "never")
                .ifNoItem()
                .after(Duration.ofMillis(10))
                .recoverWithItem((Void) null)
                .subscribe()
                .withSubscriber(UniAssertSubscriber.create())
                .awaitItem(Duration.ofSeconds(5));
        windows.awaitEvent(series, "abandoned")
                .subscribe()
                .withSubscriber(UniAssertSubscriber.create())
                .cancel();
        assertEquals(0, windows.waiting());
    }
}
