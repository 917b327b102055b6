package io.tributary.iot.subscription;

import java.util.Map;
import java.util.Optional;

/** A configured subscription with its parsed topic template. */
public record Subscription(String name, SubscriptionConfig config, TopicTemplate template) {

    /** What is sent in SUBSCRIBE: the template's filter, behind {@code $share/<group>/} when the subscription is shared. */
    public String mqttFilter() {
        return config.sharedGroup()
                .map(group -> "$share/" + group + "/" + template.filter())
                .orElse(template.filter());
    }

    public Optional<Map<String, String>> match(String topic) {
        return template.match(topic);
    }
}
