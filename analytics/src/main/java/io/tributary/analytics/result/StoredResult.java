package io.tributary.analytics.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * A result as {@code GET /results} shows it.
 *
 * @param id the result event's id, {@code taskRunId:attempt}
 * @param flow the flow's name, or its run id where the task message did not name the flow
 * @param subject the series key
 */
public record StoredResult(
        String id,
        String flow,
        UUID flowRunId,
        UUID taskRunId,
        String taskName,
        String taskType,
        int attempt,
        String subject,
        Instant at,
        JsonNode result) {}
