package io.tributary.stream.delivery;

import io.smallrye.reactive.messaging.pulsar.PulsarIncomingMessageMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A message of a Pulsar topic. Its identity is topic and message id (ledger, entry, partition), stable across
 * redeliveries. Headers are the message's properties; properties: {@code key}, {@code topic}, {@code message-id},
 * {@code publish-time}, {@code event-time} (when the producer set one).
 */
@ApplicationScoped
public class PulsarDeliveryReader implements DeliveryReader {
    @Override
    public String connector() {
        return "smallrye-pulsar";
    }

    @Override
    public Delivery read(Message<?> message) {
        PulsarIncomingMessageMetadata pulsar = message.getMetadata(PulsarIncomingMessageMetadata.class)
                .orElseThrow(() -> new IllegalStateException("not a Pulsar message: " + message));
        String position = pulsar.getTopicName() + "@" + pulsar.getMessageId();
        Instant published = Instant.ofEpochMilli(pulsar.getPublishTime());
        Map<String, String> properties = new LinkedHashMap<>();
        if (pulsar.hasKey()) {
            properties.put("key", pulsar.getKey());
        }
        properties.put("topic", pulsar.getTopicName());
        properties.put("message-id", pulsar.getMessageId().toString());
        properties.put("publish-time", published.toString());
        if (pulsar.getEventTime() > 0) {
            properties.put(
                    "event-time", Instant.ofEpochMilli(pulsar.getEventTime()).toString());
        }
        return new Delivery(
                "pulsar:" + position,
                "pulsar:" + position,
                pulsar.getData(),
                Map.copyOf(pulsar.getProperties()),
                properties,
                Optional.of(published));
    }
}
