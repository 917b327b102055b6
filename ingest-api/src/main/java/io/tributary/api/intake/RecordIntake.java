package io.tributary.api.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import io.tributary.api.mapping.ContentHash;
import io.tributary.api.source.ApiConfig;
import io.tributary.api.source.Source;
import io.tributary.api.state.SeenStore;
import io.tributary.contract.dlq.DeadLetter;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.event.Payloads.RejectedPayloadException;
import io.tributary.contract.ingest.IngestPublisher;
import io.tributary.contract.trace.MessagingSpans;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Publishes a batch of a source's records (a polled page, a webhook delivery): each record's event once, each record
 * that cannot be one as a dead letter once. A record is known by its event id (a rejected one by its content hash)
 * in the {@link SeenStore}; keys are remembered only after Kafka acknowledged, so a crash in between publishes again
 * (same event id: consumers drop the copy) rather than lose.
 */
@ApplicationScoped
public class RecordIntake {
    private static final String REJECTED = "rejected:";
    private static final AttributeKey<String> ORIGIN = AttributeKey.stringKey("tributary.origin");

    private final IngestPublisher publisher;
    private final SeenStore seen;
    private final int maxDeadLetterBytes;
    private final Tracer tracer;

    public RecordIntake(IngestPublisher publisher, SeenStore seen, ApiConfig config, Tracer tracer) {
        this.tracer = tracer;
        this.publisher = publisher;
        this.seen = seen;
        this.maxDeadLetterBytes = config.maxDeadLetterBytes();
    }

    /**
     * Under a {@code process <source>} span, a child of the current context (a webhook's HTTP request span, which
     * continues the caller's {@code traceparent}; none for a poll): the events it publishes are its children.
     *
     * @param origin where the records came from (a page URL, {@code webhook}), for dead letters
     */
    public Uni<IntakeResult> ingest(Source source, List<JsonNode> records, String origin, Instant receivedAt) {
        Context parent = Context.current();
        Span span = MessagingSpans.process(tracer, "http", source.mapper().source(), parent)
                .setAttribute(ORIGIN, origin);
        return MessagingSpans.endedAfter(span, ingest(source, records, origin, receivedAt, parent.with(span)));
    }

    private Uni<IntakeResult> ingest(
            Source source, List<JsonNode> records, String origin, Instant receivedAt, Context trace) {
        Map<String, NormalizedEvent> events = new LinkedHashMap<>();
        Map<String, DeadLetter> rejected = new LinkedHashMap<>();
        for (JsonNode record : records) {
            try {
                NormalizedEvent event = source.mapper().map(record, receivedAt);
                events.putIfAbsent(event.id(), event);
            } catch (RejectedPayloadException e) {
                rejected.putIfAbsent(
                        REJECTED + ContentHash.of(record), deadLetter(source, origin, e, record, receivedAt));
            }
        }
        List<String> keys = new ArrayList<>(events.keySet());
        keys.addAll(rejected.keySet());
        return seen.seen(source.name(), keys).flatMap(known -> {
            events.keySet().removeAll(known);
            rejected.keySet().removeAll(known);
            List<Uni<Void>> sends = new ArrayList<>();
            events.values().forEach(event -> sends.add(publisher.publish(event, trace)));
            rejected.values().forEach(letter -> sends.add(publisher.reject(letter)));
            IntakeResult result =
                    new IntakeResult(events.size(), records.size() - events.size() - rejected.size(), rejected.size());
            return all(sends)
                    .invoke(() -> source.activity().ingested(result, rejected.values()))
                    .flatMap(x -> seen.remember(source.name(), remembered(events.keySet(), rejected.keySet())))
                    .replaceWith(result);
        });
    }

    /**
     * Dead-letters a whole body that yields no records (not JSON, no records where the mapping says), once: the same
     * body polled again is not dead-lettered again.
     */
    public Uni<Void> reject(Source source, String origin, RejectedPayloadException e, String raw, Instant at) {
        List<String> key = List.of(REJECTED + ContentHash.of(raw.getBytes(StandardCharsets.UTF_8)));
        return seen.seen(source.name(), key).flatMap(known -> {
            if (!known.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            DeadLetter letter = DeadLetters.of(source.mapper().source(), origin, e, raw, at, maxDeadLetterBytes);
            return publisher
                    .reject(letter)
                    .invoke(() -> source.activity().rejected(letter))
                    .flatMap(x -> seen.remember(source.name(), key));
        });
    }

    private DeadLetter deadLetter(
            Source source, String origin, RejectedPayloadException e, JsonNode record, Instant receivedAt) {
        return DeadLetters.of(source.mapper().source(), origin, e, record.toString(), receivedAt, maxDeadLetterBytes);
    }

    private static List<String> remembered(Set<String> published, Set<String> rejected) {
        List<String> keys = new ArrayList<>(published);
        keys.addAll(rejected);
        return keys;
    }

    private static Uni<Void> all(List<Uni<Void>> sends) {
        return sends.isEmpty()
                ? Uni.createFrom().voidItem()
                : Uni.join().all(sends).andFailFast().replaceWithVoid();
    }
}
