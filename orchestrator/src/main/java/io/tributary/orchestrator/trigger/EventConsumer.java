package io.tributary.orchestrator.trigger;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.tributary.contract.Topics;
import io.tributary.contract.dlq.DeadLetter;
import io.tributary.contract.dlq.DeadLetterMessages;
import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.EventMessages;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.json.MalformedMessageException;
import io.tributary.contract.messaging.Acknowledgement;
import io.tributary.contract.trace.MessagingSpans;
import io.tributary.contract.trace.TraceHeaders;
import io.tributary.orchestrator.engine.OnContext;
import io.tributary.orchestrator.engine.RunEngine;
import io.tributary.orchestrator.flow.FlowCatalog;
import io.tributary.orchestrator.trigger.pattern.PatternCounter;
import io.tributary.orchestrator.trigger.proactive.SilenceWatcher;
import io.tributary.orchestrator.trigger.threshold.ThresholdCounter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Fires event triggers, a poll's batch of events at a time: the runs they start are stored in one transaction, and
 * the batch is acknowledged (its offsets become committable) only after it. An event that breaks the contract goes
 * to the dead-letter topic and the rest of its batch goes on. Failure strategy: {@code fail} — only a database
 * outage outlasting the retries reaches it; better to stop and be restarted than to skip events.
 */
@ApplicationScoped
public class EventConsumer {
    static final String CHANNEL = "events";
    static final String DEAD_LETTERS = "dead-letters";
    private static final String SOURCE = "/orchestrator";

    private final RunEngine engine;
    private final ThresholdCounter thresholds;
    private final PatternCounter patterns;
    private final SilenceWatcher silences;
    private final MutinyEmitter<String> deadLetters;
    private final Tracer tracer;
    private final FlowCatalog catalog;
    private final TriggerMetrics metrics;

    public EventConsumer(
            RunEngine engine,
            ThresholdCounter thresholds,
            PatternCounter patterns,
            SilenceWatcher silences,
            @Channel(DEAD_LETTERS) MutinyEmitter<String> deadLetters,
            Tracer tracer,
            FlowCatalog catalog,
            TriggerMetrics metrics) {
        this.tracer = tracer;
        this.engine = engine;
        this.thresholds = thresholds;
        this.patterns = patterns;
        this.silences = silences;
        this.deadLetters = deadLetters;
        this.catalog = catalog;
        this.metrics = metrics;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<NormalizedEvent> events = new ArrayList<>();
        List<IncomingEvent> placed = new ArrayList<>();
        List<DeadLetter> rejected = new ArrayList<>();
        // A span per record, a child of the trace its headers carry; the runs an event starts continue it.
        List<Span> spans = new ArrayList<>(batch.getRecords().size());
        Map<String, String> traceparents = new HashMap<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            Context parent = TraceHeaders.extract(record.getHeaders());
            Span span = MessagingSpans.process(tracer, "kafka", Topics.EVENTS, parent);
            spans.add(span);
            try {
                NormalizedEvent event = EventMessages.fromMessage(record);
                span.setAttribute(MessagingSpans.EVENT_ID, event.id());
                String traceparent = TraceHeaders.traceparent(parent.with(span));
                traceparents.putIfAbsent(event.id(), traceparent);
                events.add(event);
                IncomingKafkaRecordMetadata<?, ?> place =
                        record.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
                placed.add(new IncomingEvent(event, place.getPartition(), place.getOffset(), traceparent));
            } catch (MalformedMessageException e) {
                span.setStatus(StatusCode.ERROR, e.getMessage());
                rejected.add(new DeadLetter(
                        SOURCE,
                        "kafka:" + CHANNEL,
                        DeadLetterReason.INVALID_ENVELOPE,
                        e.getMessage(),
                        record.getPayload(),
                        Instant.now()));
            }
        }
        // Runs first: a retry after a failed dead-letter send finds them stored and starts none twice. Thresholds,
        // compound and sequence triggers count, and silences are armed, in transactions of their own: each place in
        // the topic is counted once by each, and an event re-arms only a silence older than it, so a retry changes
        // nothing twice.
        Uni<Void> work = OnContext.pinned(Uni.createFrom()
                        .deferred(() -> engine.start(events, traceparents)
                                .flatMap(started -> thresholds.observe(placed))
                                .flatMap(counted -> patterns.observe(placed))
                                .flatMap(counted -> silences.observe(placed))
                                // On the context too: the catalogue may read the database (it is cached mostly).
                                // Counting is no reason to evaluate the batch again: a failure here is dropped.
                                .call(() -> catalog.snapshot()
                                        .invoke(flows -> metrics.eventsEvaluated(flows, events.size()))
                                        .onFailure()
                                        .recoverWithNull())))
                .flatMap(ignored -> rejected.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : Uni.join()
                                .all(rejected.stream()
                                        .map(letter -> deadLetters.sendMessage(DeadLetterMessages.toMessage(letter)))
                                        .toList())
                                .andFailFast()
                                .replaceWithVoid());
        return Acknowledgement.ackAfter(batch, work).onTermination().invoke(() -> spans.forEach(Span::end));
    }
}
