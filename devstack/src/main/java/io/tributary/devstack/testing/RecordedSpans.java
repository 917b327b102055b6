package io.tributary.devstack.testing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * The spans a service's tests record: an {@link InMemorySpanExporter} that a test module makes a CDI bean (Quarkus
 * exports to every {@code SpanExporter} bean), emptied whenever it holds {@value #CAPACITY} spans so that the load
 * tests sharing the application cannot fill the heap with spans nobody reads. A test looks its spans up by the ids
 * it made (trace id, attributes), never by position.
 */
public final class RecordedSpans implements SpanExporter {
    static final int CAPACITY = 20_000;

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();

    @Override
    public synchronized CompletableResultCode export(Collection<SpanData> batch) {
        if (spans.getFinishedSpanItems().size() + batch.size() > CAPACITY) {
            spans.reset();
        }
        return spans.export(batch);
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }

    public synchronized List<SpanData> all() {
        return spans.getFinishedSpanItems();
    }

    /** The spans of one trace. */
    public List<SpanData> ofTrace(String traceId) {
        return all().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    /** Waits (bounded) for the one finished span that matches, and returns it. */
    public SpanData await(String description, Predicate<SpanData> matching) {
        return Awaitility.await(description)
                .atMost(Duration.ofSeconds(30))
                .until(() -> all().stream().filter(matching).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }

    /** A W3C traceparent of a new sampled trace, as a traced upstream producer (or device) would send it. */
    public static String newTraceparent() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return String.format("00-%016x%016x-%016x-01", random.nextLong(), random.nextLong(), random.nextLong() | 1);
    }

    /** The trace id of a traceparent ({@code 00-<trace id>-<span id>-<flags>}). */
    public static String traceId(String traceparent) {
        return traceparent.split("-")[1];
    }

    /** The span id of a traceparent: the span the receiver's spans are children of. */
    public static String spanId(String traceparent) {
        return traceparent.split("-")[2];
    }

    /** Matches a span by name and trace id. */
    public static Predicate<SpanData> named(String name, String traceId) {
        return s -> s.getName().equals(name) && s.getTraceId().equals(traceId);
    }
}
