package io.tributary.stream.delivery;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A record of a Kafka topic on another cluster. Its identity is topic, partition and offset: re-read after a crash
 * (the offset was not committed yet), it keeps its event id. Properties: {@code key}, {@code topic}, {@code partition},
 * {@code offset}, {@code timestamp}.
 */
@ApplicationScoped
public class KafkaDeliveryReader implements DeliveryReader {
    @Override
    public String connector() {
        return "smallrye-kafka";
    }

    @Override
    public Delivery read(Message<?> message) {
        IncomingKafkaRecordMetadata<?, ?> record = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("not a Kafka record: " + message));
        String position = record.getTopic() + "/" + record.getPartition() + "@" + record.getOffset();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.getHeaders()) {
            if (header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        Map<String, String> properties = new LinkedHashMap<>();
        if (record.getKey() != null) {
            properties.put("key", record.getKey().toString());
        }
        properties.put("topic", record.getTopic());
        properties.put("partition", Integer.toString(record.getPartition()));
        properties.put("offset", Long.toString(record.getOffset()));
        properties.put("timestamp", record.getTimestamp().toString());
        return new Delivery(
                "kafka:" + position,
                "kafka:" + position,
                Bodies.bytes(message.getPayload()),
                headers,
                properties,
                Optional.of(record.getTimestamp()));
    }
}
