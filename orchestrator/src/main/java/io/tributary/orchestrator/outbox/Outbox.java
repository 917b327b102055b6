package io.tributary.orchestrator.outbox;

import io.tributary.contract.json.Json;
import java.time.Instant;

/** The one writer of outbox rows: turns a typed event into the row its transaction persists. */
public final class Outbox {
    private Outbox() {}

    public static OutboxMessage export(ExportedEvent event, Instant at) {
        return export(event, at, null);
    }

    /** @param traceparent the trace the message continues (its run's), or null */
    public static OutboxMessage export(ExportedEvent event, Instant at, String traceparent) {
        return new OutboxMessage(event.topic(), event.key(), Json.write(event.payload()), at, traceparent);
    }
}
