package io.tributary.orchestrator.trigger;

import io.tributary.contract.event.NormalizedEvent;

/** An event with its place in {@code tributary.events}: stateful triggers count each place once. */
public record IncomingEvent(NormalizedEvent event, int partition, long offset) {}
