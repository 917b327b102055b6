package io.tributary.orchestrator.flow;

import com.fasterxml.jackson.core.type.TypeReference;
import io.tributary.contract.json.Json;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A flow as the API shows it. */
public record FlowView(
        UUID id,
        String name,
        FlowRequest.Trigger trigger,
        FlowRequest.Task task,
        String resultTopic,
        Instant createdAt) {
    private static final TypeReference<Map<String, Object>> PARAMETERS = new TypeReference<>() {};

    public static FlowView of(Flow flow) {
        return new FlowView(
                flow.id,
                flow.name,
                new FlowRequest.Trigger(flow.triggerType, flow.triggerSource, flow.triggerSubject),
                new FlowRequest.Task(
                        flow.taskType, Json.read(flow.taskParameters, PARAMETERS), flow.taskTimeoutMs / 1000),
                flow.resultTopic,
                flow.createdAt);
    }
}
