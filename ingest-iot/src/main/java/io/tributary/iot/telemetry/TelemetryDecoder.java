package io.tributary.iot.telemetry;

import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.EventTypes;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.event.Payloads;
import io.tributary.contract.event.Payloads.RejectedPayloadException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** Turns one MQTT publish (topic and payload) into a measurement event, or rejects it with a reason. */
@ApplicationScoped
public class TelemetryDecoder {
    private final TelemetryConfig config;
    private final TopicFilter filter;

    public TelemetryDecoder(TelemetryConfig config) {
        this.config = config;
        this.filter = new TopicFilter(config.topicFilter());
    }

    public NormalizedEvent decode(String topic, byte[] payload, Instant receivedAt) {
        if (payload.length > config.maxMessageSize()) {
            throw new RejectedPayloadException(
                    DeadLetterReason.MALFORMED_PAYLOAD,
                    "payload of " + payload.length + " bytes exceeds the limit of " + config.maxMessageSize());
        }
        String device = filter.deviceId(topic)
                .orElseThrow(() -> new RejectedPayloadException(
                        DeadLetterReason.INVALID_FIELD,
                        "topic '" + topic + "' does not match '" + config.topicFilter() + "'"));
        Payloads.Normalized normalized = Payloads.normalize(
                Payloads.parseObject(new String(payload, StandardCharsets.UTF_8)),
                config.timeField(),
                receivedAt,
                config.keepRaw());
        if (normalized.data().metrics().isEmpty()) {
            throw new RejectedPayloadException(DeadLetterReason.INVALID_FIELD, "no numeric reading in the payload");
        }
        // The same publish delivered twice (QoS 1 allows it) must give the same id.
        String id = NormalizedEvent.deterministicId(config.source(), device, topic + "\n" + sha256(payload));
        return new NormalizedEvent(
                id, URI.create(config.source()), EventTypes.MEASUREMENT, device, normalized.time(), normalized.data());
    }

    private static String sha256(byte[] payload) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
