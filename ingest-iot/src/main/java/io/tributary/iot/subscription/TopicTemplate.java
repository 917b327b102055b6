package io.tributary.iot.subscription;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A topic filter whose levels may be named, e.g. {@code sites/{site}/devices/{device}/{metric}}: the broker is
 * subscribed to the filter it stands for ({@code sites/+/devices/+/+}), and a received topic yields the values of the
 * named levels. Plain {@code +} and a final {@code #} keep their MQTT meaning and name nothing.
 */
public final class TopicTemplate {
    private final String template;
    private final String[] levels;
    private final String filter;

    public TopicTemplate(String template) {
        this.template = template;
        this.levels = template.split("/", -1);
        StringBuilder filter = new StringBuilder();
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.equals("#") && i != levels.length - 1) {
                throw new IllegalArgumentException("'#' must be the last level of topic '" + template + "'");
            }
            if (!isName(level) && (level.contains("{") || level.contains("}"))) {
                throw new IllegalArgumentException("level '" + level + "' of topic '" + template
                        + "' must be a whole {name}, a literal, '+' or '#'");
            }
            filter.append(i == 0 ? "" : "/").append(isName(level) ? "+" : level);
        }
        this.filter = filter.toString();
    }

    /** The MQTT topic filter to subscribe to. */
    public String filter() {
        return filter;
    }

    public boolean names(String name) {
        for (String level : levels) {
            if (isName(level) && level.substring(1, level.length() - 1).equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The named levels of a topic matched by this template (a level may be empty), or empty when it does not match. */
    public Optional<Map<String, String>> match(String topic) {
        String[] parts = topic.split("/", -1);
        Map<String, String> named = new LinkedHashMap<>();
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.equals("#")) {
                return Optional.of(named);
            }
            if (i >= parts.length) {
                return Optional.empty();
            }
            if (isName(level)) {
                named.put(level.substring(1, level.length() - 1), parts[i]);
            } else if (!level.equals("+") && !level.equals(parts[i])) {
                return Optional.empty();
            }
        }
        return parts.length == levels.length ? Optional.of(named) : Optional.empty();
    }

    @Override
    public String toString() {
        return template;
    }

    private static boolean isName(String level) {
        return level.length() > 2 && level.startsWith("{") && level.endsWith("}");
    }
}
