package io.tributary.orchestrator.trigger.pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import io.tributary.contract.event.EventData;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.json.Json;
import io.tributary.orchestrator.engine.RunRequest;
import io.tributary.orchestrator.flow.FlowDefinition;
import io.tributary.orchestrator.trigger.TriggerKeys;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The run a firing starts. Its triggering event is the firing's newest event (the one that completed it, in event
 * time) with {@code data.attributes.matched}: every event of the firing in event-time order, each with
 * {@code match}, the index of the part it matched. Its id names the trigger, the group and the firing's end, so each
 * firing starts one run however often it is seen. The run starts a trace of its own (it follows from every event of the
 * firing); {@link PatternCounter} links it to the span of the event whose arrival completed the firing.
 */
final class PatternRuns {
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private PatternRuns() {}

    static RunRequest request(FlowDefinition flow, CompiledPattern pattern, String groupKey, Firing firing) {
        NormalizedEvent last = firing.last();
        Map<String, Object> attributes = new LinkedHashMap<>(last.data().attributes());
        attributes.put(
                "matched", firing.matched().stream().map(PatternRuns::matched).toList());
        NormalizedEvent event = new NormalizedEvent(
                TriggerKeys.firing(pattern.kind, pattern.key, groupKey, firing.end()),
                last.source(),
                last.type(),
                last.subject(),
                last.time(),
                new EventData(last.data().metrics(), attributes, null));
        return new RunRequest(flow, event, pattern.kind, flow.defaultParameters());
    }

    private static Map<String, Object> matched(Firing.Matched matched) {
        Map<String, Object> event = Json.MAPPER.convertValue(matched.event(), OBJECT);
        event.put("match", matched.part());
        return event;
    }
}
