package io.tributary.analytics.task;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.tributary.contract.json.Json;
import io.tributary.contract.task.TaskType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes the task types this service runs on the compacted {@code tributary.task-types}, keyed by type, at every
 * start: the orchestrator validates flows against what is really deployed. Retried until the broker takes them; a
 * type no longer deployed stays listed until its key is deleted (a tombstone), as a rolling upgrade would want.
 */
@ApplicationScoped
public class TaskTypePublisher {
    static final String CHANNEL = "task-types";

    private final MutinyEmitter<String> emitter;
    private final List<AnalysisTask> types;

    public TaskTypePublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter, Instance<AnalysisTask> types) {
        this.emitter = emitter;
        this.types = types.stream().toList();
    }

    void publish(@Observes StartupEvent start) {
        Uni.join()
                .all(types.stream().map(this::send).toList())
                .andFailFast()
                .onFailure()
                .retry()
                .withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30))
                .indefinitely()
                .subscribe()
                .with(
                        sent -> Log.infof("Published %d task types on %s", sent.size(), CHANNEL),
                        failure -> Log.error("Publishing the task types failed", failure));
    }

    private Uni<Void> send(AnalysisTask task) {
        TaskType type = new TaskType(task.type(), task.description(), task.parameterSchema());
        return emitter.sendMessage(Message.of(Json.write(type))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(type.type())
                        .build()));
    }
}
