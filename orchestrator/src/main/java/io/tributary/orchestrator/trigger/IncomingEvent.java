package io.tributary.orchestrator.trigger;

import io.tributary.contract.event.NormalizedEvent;

/**
 * An event with its place in {@code tributary.events}: stateful triggers count each place once.
 *
 * @param traceparent the W3C trace context of the event's {@code process} span, or null: a run the event fires
 *     without continuing its trace (a threshold it reached, a pattern it completed) links to it
 */
public record IncomingEvent(NormalizedEvent event, int partition, long offset, String traceparent) {
    /** An event whose span is not known. */
    public IncomingEvent(NormalizedEvent event, int partition, long offset) {
        this(event, partition, offset, null);
    }
}
