package io.tributary.analytics.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.analytics.AnalyticsConfig;
import io.tributary.analytics.TestConfigs;
import io.tributary.analytics.stats.WindowStatsTask;
import io.tributary.analytics.window.SeriesWindows;
import io.tributary.analytics.window.WindowAddition;
import io.tributary.contract.event.EventData;
import io.tributary.contract.event.EventTypes;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.json.Json;
import io.tributary.contract.task.TaskInput;
import io.tributary.contract.task.TaskMessage;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** From events to a result without a broker: non-finite values, out-of-order and late events. */
class WindowInputTest {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    private final AnalyticsConfig config = TestConfigs.analytics(1000, Duration.ofSeconds(30), Duration.ofHours(1));
    private final SeriesWindows windows = new SeriesWindows(config);
    private final WindowInput input = new WindowInput(windows, config);

    private static NormalizedEvent event(long second, double value) {
        return new NormalizedEvent(
                "e" + second + "-" + value,
                URI.create("/iot/devices"),
                EventTypes.MEASUREMENT,
                "pump",
                T0.plusSeconds(second),
                new EventData(Map.of("v", value), Map.of(), null));
    }

    private JsonNode stats(NormalizedEvent trigger, Map<String, Object> parameters) {
        TaskMessage task = new TaskMessage(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "stats",
                WindowStatsTask.TYPE,
                parameters,
                new TaskInput(trigger.seriesKey(), List.of(trigger)),
                1,
                null,
                null,
                null);
        Object result = new WindowStatsTask(input).execute(task).await().atMost(Duration.ofSeconds(5));
        return Json.MAPPER.valueToTree(result);
    }

    @Test
    void nanAndInfinityAreLeftOutAndCounted() {
        windows.add(event(1, 2));
        windows.add(event(2, Double.NaN));
        windows.add(event(3, Double.POSITIVE_INFINITY));
        windows.add(event(4, Double.NEGATIVE_INFINITY));
        NormalizedEvent trigger = event(5, 4);
        windows.add(trigger);
        JsonNode stats = stats(trigger, Map.of("metric", "v", "windowSeconds", 10));
        assertEquals(2, stats.get("count").asInt());
        assertEquals(3, stats.get("excluded").asInt());
        assertEquals(3.0, stats.get("mean").asDouble(), 0);
        assertEquals(4.0, stats.get("max").asDouble(), 0);
    }

    @Test
    void outOfOrderEventsCountByEventTimeAndTooLateOnesAreCountedNotUsed() {
        windows.add(event(10, 1));
        windows.add(event(40, 3));
        assertEquals(WindowAddition.ADDED, windows.add(event(20, 2)), "20 s behind 40 s: within 30 s");
        assertEquals(WindowAddition.TOO_LATE, windows.add(event(5, 100)), "35 s behind: too late");
        NormalizedEvent trigger = event(41, 4);
        windows.add(trigger);
        JsonNode stats = stats(trigger, Map.of("metric", "v", "windowPoints", 3));
        assertEquals(
                List.of(2.0, 3.0, 4.0),
                List.of(
                        stats.get("min").asDouble(),
                        stats.get("p50").asDouble(),
                        stats.get("max").asDouble()));
        assertEquals(
                T0.plusSeconds(20).toInstant().toString(),
                stats.get("windowStart").asText());
        assertEquals(1, windows.tooLate());
        assertEquals(1, windows.counters(trigger.seriesKey()).orElseThrow().tooLate());
        assertEquals(1, windows.counters(trigger.seriesKey()).orElseThrow().outOfOrder());
    }

    @Test
    void aTumblingWindowIsTheLastCompleteOneBeforeTheTrigger() {
        for (int s = 0; s < 25; s++) {
            windows.add(event(s, s));
        }
        NormalizedEvent trigger = event(25, 25);
        windows.add(trigger);
        JsonNode stats = stats(trigger, Map.of("metric", "v", "window", "tumbling", "windowSeconds", 10));
        // [10 s, 20 s): 10..19
        assertEquals(10, stats.get("count").asInt());
        assertEquals(14.5, stats.get("mean").asDouble(), 0);
        assertEquals(false, stats.get("complete").asBoolean(), "an event at 15 s could still arrive (30 s lateness)");
    }

    @Test
    void aResultIsCompleteOnceItsTriggerIsPastTheWindowByTheLateness() {
        for (int s = 0; s <= 95; s++) {
            windows.add(event(s, s));
        }
        Map<String, Object> minute = Map.of("metric", "v", "window", "tumbling", "windowSeconds", 60);
        // Lateness 30 s: [0 s, 60 s) can take no more events once the trigger is past 90 s, and still can at 80 s.
        JsonNode at95 = stats(event(95, 95), minute);
        assertEquals(60, at95.get("count").asInt());
        assertEquals(true, at95.get("complete").asBoolean());
        assertEquals(false, stats(event(80, 80), minute).get("complete").asBoolean());
        assertEquals(
                false,
                stats(event(95, 95), Map.of("metric", "v", "windowSeconds", 10))
                        .get("complete")
                        .asBoolean(),
                "a window up to the trigger is never complete");
    }

    @Test
    void idleSeriesAreEvictedAndCounted() {
        AnalyticsConfig noIdle = TestConfigs.analytics(1000, Duration.ofSeconds(30), Duration.ZERO.minusMillis(1));
        SeriesWindows idle = new SeriesWindows(noIdle);
        idle.add(event(1, 1));
        idle.evictIdle();
        assertEquals(0, idle.series().size());
        assertEquals(1, idle.evicted());
    }
}
