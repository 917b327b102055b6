package io.tributary.orchestrator.trigger.proactive;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.tributary.contract.Topics;
import io.tributary.orchestrator.messaging.TopicWatermark;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Up to when the orchestrators have processed {@code tributary.events}. A silence due before it is real — had the
 * group sent anything, it would have been processed and re-armed it; one due after it may only be events waiting in
 * the topic, as after an orchestrator outage. Checked across all partitions, so any replica can judge any group.
 */
@ApplicationScoped
public class EventWatermark {
    private final TopicWatermark events;

    public EventWatermark(
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "mp.messaging.incoming.events.group.id") String group) {
        this.events = new TopicWatermark(kafka, Topics.EVENTS, group);
    }

    /** See {@link TopicWatermark#advance()}. */
    public Uni<Instant> advance() {
        return events.advance();
    }

    @PreDestroy
    void close() {
        events.close();
    }
}
