package io.tributary.orchestrator.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
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

/**
 * Up to when the orchestrators' consumer group has processed a topic ({@link ProcessedThrough}): everything produced
 * to it before that instant has been consumed and committed, whichever replica owns which partition. Lags by the
 * consumers' commit interval.
 */
public final class TopicWatermark implements AutoCloseable {
    private final Admin admin;
    private final String topic;
    private final String group;
    private final ProcessedThrough through = new ProcessedThrough();

    /**
     * @param kafka the Kafka client configuration (the admin settings are taken from it)
     * @param group the consumer group whose commits count
     */
    public TopicWatermark(Map<String, Object> kafka, String topic, String group) {
        Map<String, Object> config = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        this.admin = Admin.create(config);
        this.topic = topic;
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
                .completionStage(
                        admin.describeTopics(List.of(topic)).allTopicNames().toCompletionStage())
                .map(topics -> topics.get(topic).partitions().stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
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

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
