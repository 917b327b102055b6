package io.tributary.contract.task;

import com.fasterxml.jackson.annotation.JsonCreator;
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
 * @param flow the flow's name, for the MQTT topic and the queries of results; may be null (a producer that does not
 *     set it yet), then the executor names the flow by its flow run id
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
        String resultTopic,
        String flow) {

    /** Jackson builds the message with every field, whichever other constructors exist. */
    @JsonCreator
    public TaskMessage {}

    /** Without the flow's name: what producers wrote before the field existed. */
    public TaskMessage(
            UUID taskRunId,
            UUID flowRunId,
            String taskName,
            String taskType,
            Map<String, Object> parameters,
            TaskInput input,
            int attempt,
            Duration timeout,
            Duration heartbeatInterval,
            String resultTopic) {
        this(
                taskRunId,
                flowRunId,
                taskName,
                taskType,
                parameters,
                input,
                attempt,
                timeout,
                heartbeatInterval,
                resultTopic,
                null);
    }

    /** The flow's name, or its run id where the producer did not name it. */
    public String flowOrRunId() {
        return flow != null ? flow : String.valueOf(flowRunId);
    }
}
