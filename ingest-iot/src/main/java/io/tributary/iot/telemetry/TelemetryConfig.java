package io.tributary.iot.telemetry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How device telemetry is read from MQTT. The broker connection itself is the {@code telemetry} channel's. */
@ConfigMapping(prefix = "tributary.iot")
public interface TelemetryConfig {
    /** URI reference of this ingest source, the CloudEvents {@code source} of every event it publishes. */
    @WithDefault("/iot/devices")
    String source();

    /** The MQTT topic filter subscribed to; the level matched by the first {@code +} is the device id. */
    @WithDefault("tributary/+/telemetry")
    String topicFilter();

    /** The payload field holding the reading's time (ISO-8601 or epoch ms); absent means time of receipt. */
    @WithDefault("ts")
    String timeField();

    /** Whether each event carries the original payload in {@code data.raw}. */
    @WithDefault("false")
    boolean keepRaw();
}
