package io.tributary.iot.subscription;

import io.smallrye.config.WithDefault;
import io.tributary.iot.payload.PayloadFormat;
import io.tributary.iot.payload.TimeFormat;
import java.time.Duration;
import java.util.Optional;

/** One subscription: which topics, how their payloads read, and which readings are accepted. */
public interface SubscriptionConfig {
    /**
     * Required. The topic template: an MQTT topic filter whose levels may be named, e.g.
     * {@code sites/{site}/devices/{device}/{metric}}. {@code {device}} is required (the event subject); {@code {metric}}
     * names the reading of a plain-number payload; other named levels become attributes.
     */
    String topic();

    /**
     * An MQTT shared-subscription group: the broker then splits the topic's messages between the replicas subscribed
     * with the same group ({@code $share/<group>/<filter>}), each with its own session ({@code client-id}).
     */
    Optional<String> sharedGroup();

    /** QoS of the subscription: 1 (default) for no loss; 0 accepts loss; 2 is acknowledged like 1 (see README). */
    @WithDefault("1")
    int qos();

    /** Payload format: {@code auto} (object: json, array: senml, number: number), {@code json}, {@code senml}, {@code number}. */
    @WithDefault("auto")
    PayloadFormat format();

    /** URI reference of this source, the CloudEvents {@code source} of its events. */
    @WithDefault("/iot/devices")
    String source();

    /** The JSON-object field holding the reading's time; absent from a payload means the time of receipt. */
    @WithDefault("ts")
    String timeField();

    /** Format of {@link #timeField()}: {@code auto} (RFC 3339 text or epoch millis), {@code rfc3339}, {@code epoch-seconds}, {@code epoch-millis}. */
    @WithDefault("auto")
    TimeFormat timeFormat();

    /** Readings stamped further than this ahead of the time of receipt are dead-lettered (device clock skew). */
    @WithDefault("PT5M")
    Duration maxFutureSkew();

    /** Readings stamped longer than this before the time of receipt are dead-lettered. */
    @WithDefault("P7D")
    Duration maxAge();

    /** Whether each event carries the original JSON payload in {@code data.raw}. */
    @WithDefault("false")
    boolean keepRaw();
}
