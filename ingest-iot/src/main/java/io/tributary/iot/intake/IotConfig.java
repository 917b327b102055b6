package io.tributary.iot.intake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.tributary.iot.subscription.SubscriptionConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** How ingest-iot connects to the MQTT broker, what it subscribes to, and what it accepts. */
@ConfigMapping(prefix = "tributary.iot")
public interface IotConfig {
    /** MQTT broker host. */
    @WithDefault("localhost")
    String host();

    /** MQTT broker port (8883 is the usual one for TLS). */
    @WithDefault("1883")
    int port();

    /**
     * The MQTT client id, one per replica and stable across its restarts (e.g. the StatefulSet pod name): the broker
     * keeps the persistent session (subscriptions and queued QoS 1 readings) under it.
     */
    @WithDefault("tributary-ingest-iot")
    String clientId();

    /** User name presented to the broker; absent: anonymous. */
    Optional<String> username();

    /** Password presented with {@link #username()}, e.g. from a Kubernetes Secret as {@code TRIBUTARY_IOT_PASSWORD}. */
    Optional<String> password();

    /** A file holding the password (its content, trailing newline dropped), e.g. a mounted Secret; wins over {@link #password()}. */
    Optional<Path> passwordFile();

    /** TLS to the broker. */
    Tls tls();

    /** The subscriptions, by name (several per service). */
    Map<String, SubscriptionConfig> subscriptions();

    /** Readings being published to Kafka at once; past it the connection stops reading until half of them are done. */
    @WithDefault("256")
    int maxInFlight();

    /** A reading unsettled for this long marks the service not ready: the channel is stalled, not silently. */
    @WithDefault("PT60S")
    Duration stallTimeout();

    /** Largest payload accepted, in bytes; a larger one is dead-lettered with its first this-many bytes. */
    @WithDefault("65536")
    int maxPayloadBytes();

    /** Deepest JSON nesting accepted (objects and arrays). */
    @WithDefault("16")
    int maxNestingDepth();

    /** Devices remembered for {@code GET /devices}; past it new devices are counted but not listed. */
    @WithDefault("100000")
    int maxDevices();

    /** First delay before reconnecting to the broker; it doubles up to {@link #maxReconnectDelay()}. */
    @WithDefault("PT0.5S")
    Duration reconnectDelay();

    /** Longest delay between reconnection attempts. */
    @WithDefault("PT10S")
    Duration maxReconnectDelay();

    /** TLS settings; PEM files as Kubernetes mounts them from a TLS Secret. */
    interface Tls {
        /** Whether the connection uses TLS. */
        @WithDefault("false")
        boolean enabled();

        /** PEM file of the CA certificate(s) the broker's certificate must chain to; absent: the JVM's trust store. */
        Optional<Path> trustCertificate();

        /** PEM file of this client's certificate, for brokers that require client certificates. */
        Optional<Path> clientCertificate();

        /** PEM file (PKCS#8) of the key of {@link #clientCertificate()}. */
        Optional<Path> clientKey();

        /** Whether the broker's certificate must name the host connected to. */
        @WithDefault("true")
        boolean verifyHostname();
    }
}
