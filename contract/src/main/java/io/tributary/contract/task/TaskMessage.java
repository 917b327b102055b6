package io.tributary.contract.task;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * A task run attempt to execute, on {@code tributary.tasks}, keyed by the series key.
 *
 * @param taskName the task's name within its flow's DAG
 * @param attempt 1 for the first attempt; a retry sends the same task run with the next attempt
 * @param timeout how long the attempt may run, counted from when the executor starts it (never from scheduling:
 *     time spent waiting in the queue is not the task's); the executor stops and reports TIMED_OUT past it
 * @param heartbeatInterval how often the executor reports HEARTBEAT while the attempt runs; the orchestrator
 *     declares the attempt CRASHED when heartbeats stop
 * @param resultTopic a topic the flow wants its results on in addition to {@code tributary.results}; may be null
 */
public record TaskMessage(
        UUID taskRunId,
        UUID flowRunId,
        String taskName,
        String taskType,
        Map<String, Object> parameters,
        TaskInput input,
        int attempt,
        Duration timeout,
        Duration heartbeatInterval,
        String resultTopic) {}
