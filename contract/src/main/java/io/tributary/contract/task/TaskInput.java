package io.tributary.contract.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.contract.event.NormalizedEvent;
import java.util.List;
import java.util.Map;

/**
 * What a task runs on: the series, the events that triggered the run (the window reaches back from the newest
 * one's time) and the results of the tasks it depends on, by task name.
 */
public record TaskInput(String seriesKey, List<NormalizedEvent> events, Map<String, JsonNode> upstream) {
    public TaskInput {
        events = events == null ? List.of() : List.copyOf(events);
        upstream = upstream == null ? Map.of() : Map.copyOf(upstream);
    }

    public TaskInput(String seriesKey, List<NormalizedEvent> events) {
        this(seriesKey, events, Map.of());
    }
}
