package io.tributary.orchestrator.trigger.pattern;

import io.tributary.contract.event.EventData;
import io.tributary.contract.event.NormalizedEvent;
import java.time.Instant;

/**
 * An event a group keeps for its pattern, stored as JSON with the group's state.
 *
 * @param parts bit i set: the event matches part i
 * @param event the event without its raw payload, which no pattern looks at and which would swell the state
 */
public record Seen(int parts, NormalizedEvent event) {

    static Seen of(int parts, NormalizedEvent event) {
        // A payload of JSON null reads as no data at all.
        EventData data = event.data() == null ? new EventData(null, null, null) : event.data();
        return new Seen(
                parts,
                new NormalizedEvent(
                        event.id(),
                        event.source(),
                        event.type(),
                        event.subject(),
                        event.time(),
                        new EventData(data.metrics(), data.attributes(), null)));
    }

    public boolean matches(int part) {
        return (parts & (1 << part)) != 0;
    }

    public Instant at() {
        return event.time().toInstant();
    }
}
