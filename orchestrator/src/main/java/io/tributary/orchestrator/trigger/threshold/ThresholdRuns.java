package io.tributary.orchestrator.trigger.threshold;

import io.tributary.contract.event.NormalizedEvent;
import io.tributary.orchestrator.engine.RunRequest;
import io.tributary.orchestrator.flow.FlowDefinition;
import java.time.Instant;

/**
 * The run a reached threshold starts: its triggering event is the one that reached it, under an id that names the
 * trigger, the group and the window, so that each window starts one run however often it is counted.
 */
final class ThresholdRuns {
    private ThresholdRuns() {}

    static RunRequest request(
            FlowDefinition flow, String triggerKey, String groupKey, Instant windowStart, NormalizedEvent reached) {
        String id = ThresholdTrigger.KIND + ":" + triggerKey.substring(0, 16) + ":" + groupKey.substring(0, 16) + ":"
                + windowStart.toEpochMilli();
        NormalizedEvent event = new NormalizedEvent(
                id, reached.source(), reached.type(), reached.subject(), reached.time(), reached.data());
        return new RunRequest(flow, event, ThresholdTrigger.KIND, flow.defaultParameters());
    }
}
