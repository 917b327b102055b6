package io.tributary.stream.source;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/**
 * ingest-stream's sources and limits. Each source is an incoming SmallRye channel of the same name
 * ({@code mp.messaging.incoming.<name>.connector=smallrye-kafka|smallrye-rabbitmq|smallrye-pulsar} and that
 * connector's keys: cluster, topic or queue, credentials, TLS, starting position), plus its mapping here.
 */
@ConfigMapping(prefix = "tributary.stream")
public interface StreamConfig {
    /** The sources by channel name; required: at least one. */
    Map<String, SourceConfig> sources();

    /**
     * Messages of one source being published at once; past it the source is not read until one is acknowledged
     * by Kafka. The connectors' own buffers ({@code max.poll.records}, {@code max-outstanding-messages},
     * {@code receiverQueueSize}) bound what waits before that.
     */
    @WithDefault("256")
    int maxInFlight();

    /** Largest message body accepted, in bytes; a larger one is dead-lettered with its first this-many bytes. */
    @WithDefault("262144")
    int maxPayloadBytes();

    /** Deepest JSON nesting accepted (objects and arrays). */
    @WithDefault("32")
    int maxNestingDepth();
}
