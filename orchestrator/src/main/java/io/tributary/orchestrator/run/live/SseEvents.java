package io.tributary.orchestrator.run.live;

import io.tributary.contract.run.RunChange;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.Map;

/** The events of the live streams. A change is an unnamed event ({@code message}); the others are named. */
final class SseEvents {
    static final String SUBSCRIBED = "subscribed";
    static final String DROPPED = "dropped";

    private SseEvents() {}

    /** A state change; {@code id} resumes right after it. */
    static OutboundSseEvent change(Sse sse, String id, RunChange change) {
        return sse.newEventBuilder().id(id).data(RunChange.class, change).build();
    }

    /**
     * The first event of {@code /runs/stream}: its id is where the stream starts, so that a client that disconnects
     * before any change can still resume without a gap.
     */
    static OutboundSseEvent subscribed(Sse sse, Positions start, boolean resumed) {
        return sse.newEventBuilder()
                .name(SUBSCRIBED)
                .id(start.encode())
                .data(Map.class, Map.of("resumed", resumed))
                .build();
    }

    /**
     * The last event of a subscriber that fell too far behind. Without an id, so that the client's last event id is
     * still that of the last change it received: reconnecting with it resumes without a gap.
     */
    static OutboundSseEvent dropped(Sse sse, int buffer) {
        return sse.newEventBuilder()
                .name(DROPPED)
                .data(
                        Map.class,
                        Map.of(
                                "reason",
                                "more than " + buffer + " changes waited for this client; reconnect with the"
                                        + " Last-Event-ID header to resume"))
                .build();
    }
}
