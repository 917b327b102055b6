package io.tributary.contract.task;

import io.tributary.contract.event.NormalizedEvent;
import java.util.List;

/**
 * What a task runs on: the series, and the events that triggered the run. The window reaches back from the
 * newest triggering event's time.
 */
public record TaskInput(String seriesKey, List<NormalizedEvent> events) {
    public TaskInput {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
