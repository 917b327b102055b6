package io.tributary.contract.dlq;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.tributary.contract.json.Json;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Maps a {@link DeadLetter} to a Kafka message; the reason is a header too, so tools can filter without parsing. */
public final class DeadLetterMessages {
    public static final String REASON_HEADER = "dead-letter-reason";

    private DeadLetterMessages() {}

    public static Message<String> toMessage(DeadLetter letter) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, letter.reason().name().getBytes(StandardCharsets.UTF_8));
        return Message.of(Json.write(letter))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(letter.source())
                        .withHeaders(headers)
                        .build());
    }
}
