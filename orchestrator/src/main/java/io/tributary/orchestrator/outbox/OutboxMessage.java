package io.tributary.orchestrator.outbox;

import java.time.Instant;

/**
 * A Kafka message written in the same transaction as the state change it announces, and relayed afterwards: a
 * state change is never stored without its message, nor a message sent for a change that rolled back. Made only by
 * {@link Outbox#export}; its row's id comes from the outbox's sequence.
 *
 * @param traceparent W3C trace context the relay sends the record under (the run's); null for none
 */
public record OutboxMessage(String topic, String key, String payload, Instant createdAt, String traceparent) {}
