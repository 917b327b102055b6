package io.tributary.api.intake;

/**
 * What became of a batch of records.
 *
 * @param published events Kafka acknowledged
 * @param duplicates records seen before (or twice in the batch), not published again
 * @param deadLettered records that could not become events, dead-lettered (each once)
 */
public record IntakeResult(int published, int duplicates, int deadLettered) {}
