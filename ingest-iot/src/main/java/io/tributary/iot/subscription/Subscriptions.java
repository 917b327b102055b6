package io.tributary.iot.subscription;

import io.tributary.iot.intake.IotConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured subscriptions, checked at startup. MQTT 3.1.1 does not say which subscription a message came
 * through, so a received topic belongs to the first subscription (by name) whose template matches it.
 */
@ApplicationScoped
public class Subscriptions {
    private final List<Subscription> all = new ArrayList<>();

    public Subscriptions(IotConfig config) {
        if (config.subscriptions().isEmpty()) {
            throw new IllegalStateException(
                    "no MQTT subscription configured (tributary.iot.subscriptions.<name>.topic)");
        }
        config.subscriptions().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> all.add(subscription(entry.getKey(), entry.getValue())));
    }

    public List<Subscription> all() {
        return List.copyOf(all);
    }

    /** The subscription a received topic belongs to, with the values of its named levels. */
    public Optional<Matched> route(String topic) {
        for (Subscription subscription : all) {
            Optional<Map<String, String>> levels = subscription.match(topic);
            if (levels.isPresent()) {
                return Optional.of(new Matched(subscription, levels.get()));
            }
        }
        return Optional.empty();
    }

    /** The first subscription, whose source unmatched topics are dead-lettered under. */
    public Subscription fallback() {
        return all.get(0);
    }

    public record Matched(Subscription subscription, Map<String, String> levels) {}

    private static Subscription subscription(String name, SubscriptionConfig config) {
        TopicTemplate template = new TopicTemplate(config.topic());
        if (!template.names("device")) {
            throw new IllegalStateException(
                    "subscription '" + name + "': topic '" + config.topic() + "' must name a {device} level");
        }
        if (config.qos() < 0 || config.qos() > 2) {
            throw new IllegalStateException("subscription '" + name + "': qos must be 0, 1 or 2");
        }
        return new Subscription(name, config, template);
    }
}
