package io.tributary.iot.telemetry;

import java.util.Optional;

/** An MQTT topic filter, read for the device id: the topic level that its first single-level wildcard matches. */
public final class TopicFilter {
    private final String[] levels;
    private final int deviceLevel;

    public TopicFilter(String filter) {
        this.levels = filter.split("/", -1);
        int plus = -1;
        for (int i = 0; i < levels.length; i++) {
            if (levels[i].equals("+")) {
                plus = i;
                break;
            }
        }
        if (plus < 0) {
            throw new IllegalArgumentException(
                    "topic filter '" + filter + "' has no '+' level to take the device id from");
        }
        this.deviceLevel = plus;
    }

    /** The device id of a topic matched by this filter, or empty when the topic does not match it. */
    public Optional<String> deviceId(String topic) {
        String[] parts = topic.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            if (levels[i].equals("#")) {
                return deviceAt(parts);
            }
            if (i >= parts.length || !(levels[i].equals("+") || levels[i].equals(parts[i]))) {
                return Optional.empty();
            }
        }
        return parts.length == levels.length ? deviceAt(parts) : Optional.empty();
    }

    private Optional<String> deviceAt(String[] parts) {
        return parts[deviceLevel].isEmpty() ? Optional.empty() : Optional.of(parts[deviceLevel]);
    }
}
