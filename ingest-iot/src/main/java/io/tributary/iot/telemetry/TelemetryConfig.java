package io.tributary.iot.telemetry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How device telemetry is read from MQTT. */
@ConfigMapping(prefix = "tributary.iot")
public interface TelemetryConfig {
    /** URI reference of this ingest source, the CloudEvents {@code source} of every event it publishes. */
    @WithDefault("/iot/devices")
    String source();

    /** The MQTT topic filter subscribed to (QoS 1); the level matched by the first {@code +} is the device id. */
    @WithDefault("tributary/+/telemetry")
    String topicFilter();

    /** The payload field holding the reading's time (ISO-8601 or epoch ms); absent means time of receipt. */
    @WithDefault("ts")
    String timeField();

    /** Whether each event carries the original payload in {@code data.raw}. */
    @WithDefault("false")
    boolean keepRaw();

    /** MQTT broker host. */
    @WithDefault("localhost")
    String host();

    /** MQTT broker port. */
    @WithDefault("1883")
    int port();

    /**
     * The MQTT client id. Must stay the same across restarts: the broker keeps the persistent session (subscription
     * and queued QoS 1 readings) under it.
     */
    @WithDefault("tributary-ingest-iot")
    String clientId();

    /** Largest payload accepted, in bytes. */
    @WithDefault("65536")
    int maxMessageSize();

    /** First delay before reconnecting to the broker; it doubles up to {@link #maxReconnectDelay()}. */
    @WithDefault("PT0.5S")
    Duration reconnectDelay();

    /** Longest delay between reconnection attempts. */
    @WithDefault("PT10S")
    Duration maxReconnectDelay();
}
