package io.tributary.orchestrator.outbox;

import io.tributary.contract.json.Json;
import java.time.Instant;

/** The one writer of outbox rows: turns a typed event into the row its transaction persists. */
public final class Outbox {
    private Outbox() {}

    public static OutboxMessage export(ExportedEvent event, Instant at) {
        OutboxMessage message = new OutboxMessage();
        message.topic = event.topic();
        message.key = event.key();
        message.payload = Json.write(event.payload());
        message.createdAt = at;
        return message;
    }
}
