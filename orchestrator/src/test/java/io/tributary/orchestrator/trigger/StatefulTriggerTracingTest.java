package io.tributary.orchestrator.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.trace.MessagingSpans;
import io.tributary.devstack.testing.CloudEventRecords;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.PostgresTestResource;
import io.tributary.devstack.testing.RecordedSpans;
import io.tributary.devstack.testing.SharedInfrastructure;
import io.tributary.orchestrator.tasktype.TaskTypesFixture;
import io.tributary.orchestrator.trigger.pattern.PatternFlows;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real Kafka and PostgreSQL: a run that a threshold, a pattern or a silence starts begins a trace of its own (it
 * follows from many events, or from none arriving), and its {@code start run} span links to the span of the event that
 * fired it: the one that reached the threshold, completed the sequence, or was the last heard before the silence.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class StatefulTriggerTracingTest {
    private static final AttributeKey<String> TRIGGER_KIND = AttributeKey.stringKey("tributary.trigger.kind");
    private static final String HOT = "event.data.metrics.temperature > 80";

    @Inject
    RecordedSpans spans;

    @BeforeEach
    void taskTypesArePublished() {
        TaskTypesFixture.ensurePublished();
    }

    @Test
    void aThresholdsRunLinksToTheEventThatReachedIt() {
        String device = "linked-threshold-" + UUID.randomUUID();
        String flowId = PatternFlows.create(
                device,
                Map.of("kind", "threshold", "subject", device, "filter", HOT, "count", 2, "withinSeconds", 600));
        String reached = sendTwo(device, "temperature", "temperature", OffsetDateTime.now(ZoneOffset.UTC));

        assertLinked(flowId, "threshold", reached);
    }

    @Test
    void aSequencesRunLinksToTheEventThatCompletedIt() {
        String device = "linked-sequence-" + UUID.randomUUID();
        String flowId = PatternFlows.create(
                device,
                Map.of(
                        "kind",
                        "sequence",
                        "withinSeconds",
                        600,
                        "steps",
                        List.of(
                                Map.of("subject", device, "filter", "event.data.metrics.door > 0"),
                                Map.of("subject", device, "filter", HOT))));
        // In the past: how late an event is counts from the newest one, but never from the future.
        String completed = sendTwo(
                device,
                "door",
                "temperature",
                OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(30));

        assertLinked(flowId, "sequence", completed);
    }

    @Test
    void aSilencesRunLinksToTheLastEventHeardBeforeIt() {
        String device = "linked-silence-" + UUID.randomUUID();
        String flowId = PatternFlows.create(device, Map.of("kind", "proactive", "subject", device, "withinSeconds", 1));
        String heard = send(PatternFlows.reading(device, "temperature", 20, OffsetDateTime.now(ZoneOffset.UTC)));

        assertLinked(flowId, "proactive", heard);
    }

    /**
     * Sends a reading of 90 of the first metric, then one of the second a second later (in event time), each under a
     * trace of its own; the second's {@code traceparent}.
     */
    private static String sendTwo(String device, String first, String second, OffsetDateTime t0) {
        send(PatternFlows.reading(device, first, 90, t0));
        return send(PatternFlows.reading(device, second, 90, t0.plusSeconds(1)));
    }

    /** Sends the event under a trace of its own; its {@code traceparent}. */
    private static String send(NormalizedEvent event) {
        String traceparent = RecordedSpans.newTraceparent();
        SharedInfrastructure.companion()
                .produceStrings()
                .fromRecords(CloudEventRecords.of(event, traceparent))
                .awaitCompletion();
        return traceparent;
    }

    /**
     * The flow's one run has a trace of its own, and one link: to the span of the event sent with {@code fired} (not
     * to that of an earlier event the trigger counted, which was sent under another trace).
     */
    private void assertLinked(String flowId, String kind, String fired) {
        String runId = Awaitility.await()
                .atMost(PatternFlows.WAIT.multipliedBy(2))
                .until(() -> PatternFlows.runs(flowId).getString("items[0].id"), id -> id != null);
        SpanData processed = spans.await(
                "the firing event's process span",
                RecordedSpans.named("process tributary.events", RecordedSpans.traceId(fired)));
        SpanData started = spans.await(
                "the run's start span",
                span -> span.getName().equals("start run")
                        && runId.equals(span.getAttributes().get(MessagingSpans.FLOW_RUN_ID)));
        assertEquals(kind, started.getAttributes().get(TRIGGER_KIND));
        assertFalse(started.getParentSpanContext().isValid(), "the run's span is the root of a trace of its own");
        assertNotEquals(processed.getTraceId(), started.getTraceId());
        List<SpanContext> links =
                started.getLinks().stream().map(LinkData::getSpanContext).toList();
        assertEquals(1, links.size(), links::toString);
        assertEquals(processed.getTraceId(), links.get(0).getTraceId());
        assertEquals(processed.getSpanId(), links.get(0).getSpanId());
    }
}
