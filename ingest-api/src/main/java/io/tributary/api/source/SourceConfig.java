package io.tributary.api.source;

import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;

/**
 * One source: where its records come from (polling, webhooks) and how a record becomes an event. Fields are JSON
 * Pointers (RFC 6901) into one record.
 */
public interface SourceConfig {
    /** URI reference of this source, the CloudEvents {@code source} of its events; absent: {@code /api/<name>}. */
    Optional<String> source();

    /** JSON Pointer to the array (or single object) of records in a body; absent: the body itself. */
    Optional<String> records();

    /** JSON Pointer to the entity a record is about: the event subject. A record without one is dead-lettered. */
    @WithDefault("/id")
    String subject();

    /**
     * JSON Pointer to the record's own id. Present: the event id derives from it, so the record polled again is
     * the same event; absent: from the record's whole content.
     */
    Optional<String> id();

    /** JSON Pointer to the event time (ISO-8601 text or epoch milliseconds); absent: the time of receipt. */
    Optional<String> time();

    /** Metrics by name, each a JSON Pointer to a number; empty: every top-level number of the record. */
    Map<String, String> metrics();

    /** Whether the original record travels along in the event's {@code data.raw}. */
    @WithDefault("false")
    boolean keepRaw();

    /** Polling of an HTTP API; absent: the source only receives webhooks. */
    Optional<PollConfig> poll();

    /** Webhooks at {@code POST /webhooks/<name>}; absent: none accepted. */
    Optional<WebhookConfig> webhook();
}
