package io.tributary.stream.delivery;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One message from an upstream broker, in the terms the mapping uses whatever the broker: the body's bytes as
 * received, its headers (Kafka headers, AMQP headers, Pulsar properties) and the broker's own properties of it
 * (Kafka key and offset, AMQP message id and routing key, ...).
 *
 * @param origin where exactly it came from, for dead letters: {@code kafka:<topic>/<partition>@<offset>}, ...
 * @param identity what identifies this delivery at its source, so that a redelivery has the same one; the event id
 *     derives from it unless the mapping names an id field
 * @param brokerTime when the upstream broker took the message, if it says
 */
public record Delivery(
        String origin,
        String identity,
        byte[] body,
        Map<String, String> headers,
        Map<String, String> properties,
        Optional<Instant> brokerTime) {

    /** The content type the producer declared: the AMQP property, else a {@code content-type} header. */
    public Optional<String> contentType() {
        String declared = properties.get("content-type");
        return Optional.ofNullable(declared != null ? declared : headers.get("content-type"));
    }
}
