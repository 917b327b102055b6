package io.tributary.stream.intake;

import io.tributary.stream.delivery.DeliveryReader;
import io.tributary.stream.mapping.EventMapper;
import io.tributary.stream.status.SourceActivity;

/**
 * One configured source while it runs: how its connector's messages are read, how they map to events, and what
 * happened to them so far.
 *
 * @param source the CloudEvents source of its events (a CloudEvent passing through keeps its own)
 */
record Source(String name, String source, DeliveryReader reader, EventMapper mapper, SourceActivity activity) {}
