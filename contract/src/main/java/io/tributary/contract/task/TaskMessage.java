package io.tributary.contract.task;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A task run to execute, on {@code tributary.tasks}, keyed by the series key.
 *
 * @param attempt 1 for the first attempt; a retry sends the same task run with the next attempt
 * @param deadline the executor gives up (FAILED) rather than report a result after this instant
 * @param resultTopic a topic the flow wants its results on in addition to {@code tributary.results}; may be null
 */
public record TaskMessage(
        UUID taskRunId,
        UUID flowRunId,
        String taskType,
        Map<String, Object> parameters,
        TaskInput input,
        int attempt,
        Instant deadline,
        String resultTopic) {}
