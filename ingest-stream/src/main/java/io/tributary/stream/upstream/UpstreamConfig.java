package io.tributary.stream.upstream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The upstream topic read by the {@code upstream} channel. Its cluster and topic are the channel's
 * ({@code mp.messaging.incoming.upstream.bootstrap.servers}, {@code .topic}); these say how records are read.
 */
@ConfigMapping(prefix = "tributary.stream")
public interface UpstreamConfig {
    /** URI reference of this ingest source, the CloudEvents {@code source} of its events. */
    @WithDefault("/stream/upstream")
    String source();

    /** The record field naming the entity; when absent the record key is the subject. */
    @WithDefault("id")
    String subjectField();

    /** The record field holding its time (ISO-8601 or epoch ms); absent means the record's Kafka timestamp. */
    @WithDefault("ts")
    String timeField();
}
