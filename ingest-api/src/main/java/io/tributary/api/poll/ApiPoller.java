package io.tributary.api.poll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tributary.contract.dlq.DeadLetter;
import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.event.Payloads.RejectedPayloadException;
import io.tributary.contract.event.RecordEvents;
import io.tributary.contract.ingest.IngestPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Polls the configured JSON API and publishes a record event per item. Item ids are deterministic, so an item seen
 * again at the next poll has the same id: it is not published again while remembered, and consumers drop it if it is.
 */
@ApplicationScoped
public class ApiPoller {
    private final SourceApiClient client;
    private final IngestPublisher publisher;
    private final PollConfig config;
    private final String url;
    private final RecentIds published;

    public ApiPoller(
            @RestClient SourceApiClient client,
            IngestPublisher publisher,
            PollConfig config,
            @ConfigProperty(name = "quarkus.rest-client.source-api.url") String url) {
        this.client = client;
        this.publisher = publisher;
        this.config = config;
        this.url = url;
        this.published = new RecentIds(config.rememberedIds());
    }

    @Scheduled(every = "${tributary.api.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        Instant receivedAt = Instant.now();
        return client.fetch()
                .onItem()
                .transformToMulti(body -> Multi.createFrom().iterable(items(body)))
                .onItem()
                .transformToUniAndConcatenate(item -> ingest(item, receivedAt))
                .collect()
                .last()
                .replaceWithVoid()
                .onFailure()
                .recoverWithItem(e -> {
                    Log.warnf("Polling %s failed; next poll at the next interval: %s", url, e.getMessage());
                    return null;
                });
    }

    private List<JsonNode> items(JsonNode body) {
        JsonNode array = config.itemsPointer().map(body::at).orElse(body);
        List<JsonNode> items = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(items::add);
        } else {
            items.add(array);
        }
        return items;
    }

    private Uni<Void> ingest(JsonNode item, Instant receivedAt) {
        NormalizedEvent event;
        try {
            if (!(item instanceof ObjectNode object)) {
                throw new RejectedPayloadException(
                        DeadLetterReason.MALFORMED_PAYLOAD, "expected a JSON object, got " + item.getNodeType());
            }
            String identity = config.idField()
                    .map(field -> object.path(field).asText())
                    .filter(id -> !id.isBlank())
                    .orElse(object.toString());
            event = RecordEvents.of(
                    config.source(),
                    object,
                    config.subjectField(),
                    null,
                    config.timeField(),
                    identity,
                    receivedAt,
                    false);
        } catch (RejectedPayloadException e) {
            return publisher.reject(
                    new DeadLetter(config.source(), url, e.reason(), e.getMessage(), item.toString(), receivedAt));
        }
        if (published.contains(event.id())) {
            return Uni.createFrom().voidItem();
        }
        return publisher.publish(event).invoke(() -> published.add(event.id()));
    }
}
