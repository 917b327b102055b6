package io.tributary.orchestrator.trigger.threshold;

import io.tributary.contract.event.NormalizedEvent;
import io.tributary.orchestrator.engine.RunRequest;
import io.tributary.orchestrator.flow.FlowDefinition;
import io.tributary.orchestrator.trigger.IncomingEvent;
import io.tributary.orchestrator.trigger.TriggerKeys;
import java.time.Instant;

/**
 * The run a reached threshold starts: its triggering event is the one that reached it, under an id that names the
 * trigger, the group and the window, so that each window starts one run however often it is counted. The run starts
 * a trace of its own (it follows from every event the window counted), linked to the span of the one that reached it.
 */
final class ThresholdRuns {
    private ThresholdRuns() {}

    static RunRequest request(
            FlowDefinition flow, String triggerKey, String groupKey, Instant windowStart, IncomingEvent incoming) {
        String id = TriggerKeys.firing(ThresholdTrigger.KIND, triggerKey, groupKey, windowStart);
        NormalizedEvent reached = incoming.event();
        NormalizedEvent event = new NormalizedEvent(
                id, reached.source(), reached.type(), reached.subject(), reached.time(), reached.data());
        return new RunRequest(flow, event, ThresholdTrigger.KIND, flow.defaultParameters()).linkedTo(incoming);
    }
}
