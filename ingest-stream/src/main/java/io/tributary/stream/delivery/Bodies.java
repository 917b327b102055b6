package io.tributary.stream.delivery;

import java.nio.charset.StandardCharsets;

/** A message payload as the bytes the producer sent. */
final class Bodies {
    private Bodies() {}

    /**
     * The channels are configured to hand over bytes (a byte-array deserializer, an octet-stream content type);
     * text from a channel configured otherwise is taken as UTF-8, and no payload is no bytes.
     */
    static byte[] bytes(Object payload) {
        if (payload == null) {
            return new byte[0];
        }
        if (payload instanceof byte[] bytes) {
            return bytes;
        }
        if (payload instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        throw new IllegalStateException(
                "the channel delivers " + payload.getClass().getName()
                        + ", not bytes: configure a byte-array deserializer (Kafka), content-type-override="
                        + "application/octet-stream (RabbitMQ) or schema BYTES (Pulsar)");
    }
}
