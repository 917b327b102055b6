package io.tributary.iot.payload;

import io.tributary.iot.subscription.SubscriptionConfig;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One MQTT message as a payload format sees it.
 *
 * @param levels the values of the topic template's named levels, {@code device} among them
 */
public record Incoming(
        SubscriptionConfig subscription, String topic, Map<String, String> levels, byte[] payload, Instant receivedAt) {

    public String device() {
        return levels.get("device");
    }

    /** The named levels other than device and metric: attributes of every event from this topic. */
    public Map<String, Object> topicAttributes() {
        Map<String, Object> attributes = new LinkedHashMap<>(levels);
        attributes.remove("device");
        attributes.remove("metric");
        return attributes;
    }
}
