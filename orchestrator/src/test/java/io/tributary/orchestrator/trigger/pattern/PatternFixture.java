package io.tributary.orchestrator.trigger.pattern;

import io.tributary.contract.event.EventData;
import io.tributary.contract.event.EventTypes;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.orchestrator.trigger.EventFacts;
import io.tributary.orchestrator.trigger.compound.CompoundTrigger;
import io.tributary.orchestrator.trigger.compound.CompoundTriggerKind;
import io.tributary.orchestrator.trigger.compound.Require;
import io.tributary.orchestrator.trigger.sequence.SequenceTrigger;
import io.tributary.orchestrator.trigger.sequence.SequenceTriggerKind;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One group's pattern fed event by event, as {@link PatternCounter} feeds it: events are readings named by their
 * metric ({@code a}, {@code b}, …) at a second of event time; part i matches metric {@code (char) ('a' + i)}.
 */
final class PatternFixture {
    static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

    private final CompiledPattern pattern;
    private final PatternBuffer buffer = new PatternBuffer();
    private final List<Firing> firings = new ArrayList<>();
    private int ids;

    private PatternFixture(CompiledPattern pattern) {
        this.pattern = pattern;
    }

    static PatternFixture compound(Object require, long withinSeconds, Integer... counts) {
        CompoundTrigger spec = new CompoundTrigger(Require.of(require), parts(counts), withinSeconds, 2L, null);
        return new PatternFixture((CompiledPattern) new CompoundTriggerKind().compile(spec));
    }

    static PatternFixture sequence(long withinSeconds, long graceSeconds, Integer... counts) {
        SequenceTrigger spec = new SequenceTrigger(parts(counts), withinSeconds, graceSeconds, null);
        return new PatternFixture((CompiledPattern) new SequenceTriggerKind().compile(spec));
    }

    private static List<EventCondition> parts(Integer... counts) {
        List<EventCondition> parts = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            parts.add(new EventCondition(
                    null, null, null, "'" + (char) ('a' + i) + "' in event.data.metrics", counts[i]));
        }
        return parts;
    }

    /** A new event; its id is new too. */
    PatternFixture send(String metric, long second) {
        return send("e" + ids++, metric, second);
    }

    PatternFixture send(String id, String metric, long second) {
        NormalizedEvent event = new NormalizedEvent(
                id,
                URI.create("/test"),
                EventTypes.MEASUREMENT,
                "device",
                T0.plusSeconds(second).atOffset(ZoneOffset.UTC),
                new EventData(Map.of(metric, 1.0), Map.of(), null));
        int parts = pattern.matches(new EventFacts(event));
        if (parts != 0) {
            firings.addAll(buffer.observe(pattern, Seen.of(parts, event), T0.plusSeconds(60)));
        }
        return this;
    }

    /** Each firing as the metrics of its events in event-time order, e.g. {@code "a b"}. */
    List<String> firings() {
        return firings.stream()
                .map(firing -> String.join(
                        " ",
                        firing.matched().stream()
                                .map(m -> m.event()
                                        .data()
                                        .metrics()
                                        .keySet()
                                        .iterator()
                                        .next())
                                .toList()))
                .toList();
    }

    /** Each firing's end, in seconds after {@link #T0}. */
    List<Long> ends() {
        return firings.stream()
                .map(firing -> firing.end().getEpochSecond() - T0.getEpochSecond())
                .toList();
    }
}
