package io.tributary.analytics.result;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Publishing results to MQTT. The broker's address and credentials are the channel's:
 * {@code mp.messaging.outgoing.results-mqtt.host}, {@code .port}, {@code .username}, {@code .password}, {@code .ssl}.
 */
@ConfigMapping(prefix = "tributary.analytics.mqtt")
public interface MqttResultsConfig {
    /** Whether results are published to MQTT too; off by default. */
    @WithDefault("false")
    boolean enabled();

    /** Topics are {@code <prefix>/<flow>/<subject>}. */
    @WithDefault("tributary/results")
    String topicPrefix();

    /** Whether the broker keeps each topic's last result for new subscribers. */
    @WithDefault("false")
    boolean retain();

    /** MQTT quality of service of the results: 0 or 1 (the result waits for the broker's acknowledgement). */
    @WithDefault("1")
    int qos();
}
