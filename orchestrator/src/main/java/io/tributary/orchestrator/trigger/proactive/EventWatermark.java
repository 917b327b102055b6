package io.tributary.orchestrator.trigger.proactive;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.tributary.contract.Topics;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Up to when the orchestrators have processed {@code tributary.events} ({@link ProcessedThrough}). A silence due before it
 * is real — had the group sent anything, it would have been processed and re-armed it; one due after it may only be
 * events waiting in the topic, as after an orchestrator outage. Checked across all partitions, so any replica can
 * judge any group. Lags the events by the consumer's commit interval.
 */
@ApplicationScoped
public class EventWatermark {
    private final Admin admin;
    private final String group;
    private final ProcessedThrough through = new ProcessedThrough();

    public EventWatermark(
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "mp.messaging.incoming.events.group.id") String group) {
        Map<String, Object> config = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        this.admin = Admin.create(config);
        this.group = group;
    }

    /**
     * Checks the positions again, through an admin client of its own (never the consumers' polling threads, which a
     * slow coordinator would stall); empty until the first check finds the group caught up. Completes on the
     * caller's Vert.x context.
     */
    public Uni<Instant> advance() {
        Instant now = Instant.now();
        Executor caller = onCallersContext();
        return Uni.createFrom()
                .completionStage(admin.describeTopics(List.of(Topics.EVENTS))
                        .allTopicNames()
                        .toCompletionStage())
                .map(topics -> topics.get(Topics.EVENTS).partitions().stream()
                        .map(p -> new TopicPartition(Topics.EVENTS, p.partition()))
                        .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .flatMap(latest -> Uni.createFrom()
                        .completionStage(admin.listOffsets(latest).all().toCompletionStage()))
                .flatMap(ends -> Uni.createFrom()
                        .completionStage(admin.listConsumerGroupOffsets(group)
                                .partitionsToOffsetAndMetadata()
                                .toCompletionStage())
                        .map(committed -> through.moved(
                                now,
                                ends.entrySet().stream()
                                        .collect(Collectors.toMap(
                                                Map.Entry::getKey,
                                                e -> e.getValue().offset())),
                                committed)))
                .emitOn(caller);
    }

    private static Executor onCallersContext() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
