package io.tributary.api.source;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * ingest-api's sources and the state they share. A source is polled ({@code poll.*}), receives webhooks
 * ({@code webhook.*}), or both; its records become events as its mapping says.
 */
@ConfigMapping(prefix = "tributary.api")
public interface ApiConfig {
    /** The sources by name; the name appears in {@code /webhooks/<name>}, {@code GET /sources} and the state tables. */
    Map<String, SourceConfig> sources();

    /** This replica's name as a lease holder; absent: the HOSTNAME variable (the pod's name), else a random id. */
    Optional<String> instance();

    /**
     * How long a replica holds a source's lease after a poll started; renewed by each poll. Longer than the
     * longest poll, and as long as a dead replica's sources may wait before another replica takes them over.
     */
    @WithDefault("PT60S")
    Duration leaseDuration();

    /** How long a record (or a webhook delivery) is remembered as seen; one seen again later is published again. */
    @WithDefault("P30D")
    Duration seenRetention();

    /** How often records seen longer ago than the retention are removed (Quarkus scheduler syntax). */
    @WithDefault("1m")
    String sweepInterval();

    /** Rows removed per sweep at most, so that a sweep never holds the table long. */
    @WithDefault("5000")
    int sweepBatch();

    /** Largest raw body a dead letter carries, in bytes; a larger one is cut, its size and SHA-256 in the detail. */
    @WithDefault("262144")
    int maxDeadLetterBytes();

    /** Deepest JSON nesting accepted in a response or webhook body (objects and arrays). */
    @WithDefault("32")
    int maxNestingDepth();
}
