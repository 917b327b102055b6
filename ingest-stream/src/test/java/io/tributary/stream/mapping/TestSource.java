package io.tributary.stream.mapping;

import io.tributary.stream.source.PayloadFormat;
import io.tributary.stream.source.SourceConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A source's mapping as configuration would give it, for tests of the mapping alone. */
record TestSource(
        String source,
        PayloadFormat format,
        List<String> subject,
        Optional<List<String>> id,
        Optional<List<String>> time,
        Map<String, String> metrics,
        Map<String, String> attributes,
        boolean cloudEvents,
        boolean keepRaw)
        implements SourceConfig {

    /** The defaults of {@link SourceConfig}. */
    static TestSource json(String source) {
        return new TestSource(
                source,
                PayloadFormat.JSON,
                List.of("/id", "property:key"),
                Optional.empty(),
                Optional.empty(),
                Map.of(),
                Map.of(),
                true,
                false);
    }

    TestSource withSubject(String... references) {
        return new TestSource(source, format, List.of(references), id, time, metrics, attributes, cloudEvents, keepRaw);
    }

    TestSource withId(String... references) {
        return new TestSource(
                source,
                format,
                subject,
                Optional.of(List.of(references)),
                time,
                metrics,
                attributes,
                cloudEvents,
                keepRaw);
    }

    TestSource withTime(String... references) {
        return new TestSource(
                source,
                format,
                subject,
                id,
                Optional.of(List.of(references)),
                metrics,
                attributes,
                cloudEvents,
                keepRaw);
    }

    TestSource withMetrics(Map<String, String> references) {
        return new TestSource(source, format, subject, id, time, references, attributes, cloudEvents, keepRaw);
    }

    TestSource withAttributes(Map<String, String> references) {
        return new TestSource(source, format, subject, id, time, metrics, references, cloudEvents, keepRaw);
    }

    TestSource asText() {
        return new TestSource(source, PayloadFormat.TEXT, subject, id, time, metrics, attributes, cloudEvents, keepRaw);
    }
}
