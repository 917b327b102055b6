package io.tributary.api.webhook;

/**
 * The answer to an accepted delivery (202): its records were published, and Kafka acknowledged them.
 *
 * @param published events published
 * @param duplicates records seen before, not published again
 * @param deadLettered records that could not become events, dead-lettered
 * @param repeated whether the delivery's {@code Idempotency-Key} was accepted before (nothing was done again)
 */
public record WebhookReceipt(int published, int duplicates, int deadLettered, boolean repeated) {}
