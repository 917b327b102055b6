package io.tributary.stream.upstream;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.tributary.contract.dlq.DeadLetter;
import io.tributary.contract.event.Payloads;
import io.tributary.contract.event.Payloads.RejectedPayloadException;
import io.tributary.contract.event.RecordEvents;
import io.tributary.contract.ingest.IngestPublisher;
import io.tributary.contract.messaging.Acknowledgement;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads an upstream Kafka topic (another cluster) and publishes a record event per record. The upstream offset is
 * committed only after our broker acknowledged the event or its dead letter. The event id derives from upstream
 * topic, partition and offset, so a record re-read after a crash keeps its id. Failure strategy: {@code fail} — only
 * our broker being away past the retries reaches it.
 */
@ApplicationScoped
public class UpstreamConsumer {
    static final String CHANNEL = "upstream";

    private final IngestPublisher publisher;
    private final UpstreamConfig config;

    public UpstreamConsumer(IngestPublisher publisher, UpstreamConfig config) {
        this.publisher = publisher;
        this.config = config;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> message) {
        @SuppressWarnings("unchecked")
        IncomingKafkaRecordMetadata<String, String> record = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("the upstream channel must use the Kafka connector"));
        String origin = "kafka:" + record.getTopic() + "/" + record.getPartition() + "@" + record.getOffset();
        Instant timestamp = record.getTimestamp();
        Uni<Void> work = Uni.createFrom()
                .item(() -> RecordEvents.of(
                        config.source(),
                        Payloads.parseObject(message.getPayload() == null ? "" : message.getPayload()),
                        config.subjectField(),
                        record.getKey(),
                        config.timeField(),
                        origin,
                        timestamp,
                        false))
                .flatMap(publisher::publish)
                .onFailure(RejectedPayloadException.class)
                .recoverWithUni(e -> publisher.reject(new DeadLetter(
                        config.source(),
                        origin,
                        ((RejectedPayloadException) e).reason(),
                        e.getMessage(),
                        message.getPayload(),
                        Instant.now())));
        return Acknowledgement.ackAfter(message, work);
    }
}
