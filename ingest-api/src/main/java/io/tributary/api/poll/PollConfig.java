package io.tributary.api.poll;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The polled HTTP source. Its URL is the REST client's: {@code quarkus.rest-client.source-api.url}. */
@ConfigMapping(prefix = "tributary.api")
public interface PollConfig {
    /** URI reference of this ingest source, the CloudEvents {@code source} of its events. */
    @WithDefault("/api/source")
    String source();

    /** Poll interval (Quarkus scheduler syntax, e.g. {@code 5s}); read by the scheduler itself. */
    @WithDefault("10s")
    String interval();

    /** JSON pointer to the array of items in the response (e.g. {@code /data/items}); absent: the response itself. */
    Optional<String> itemsPointer();

    /** The item field naming the entity: the event subject. */
    @WithDefault("id")
    String subjectField();

    /** The item field that identifies one item version; absent means the item's whole content identifies it. */
    Optional<String> idField();

    /** The item field holding its time (ISO-8601 or epoch ms); absent means time of receipt. */
    @WithDefault("ts")
    String timeField();

    /** How many recently published ids are remembered, so an unchanged item is not published at every poll. */
    @WithDefault("10000")
    int rememberedIds();
}
