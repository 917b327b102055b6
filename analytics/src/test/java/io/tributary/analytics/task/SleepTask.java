package io.tributary.analytics.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.tributary.contract.json.Json;
import io.tributary.contract.task.TaskMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test-only task type {@code test-sleep}: completes after {@code millis} without blocking a thread, and remembers
 * the attempts whose computation was stopped (its subscription cancelled).
 */
@ApplicationScoped
public class SleepTask implements AnalysisTask {
    static final String TYPE = "test-sleep";

    private final Set<UUID> stopped = ConcurrentHashMap.newKeySet();

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Completes after millis";
    }

    @Override
    public JsonNode parameterSchema() {
        return Json.MAPPER.createObjectNode().put("type", "object");
    }

    @Override
    public Uni<Object> execute(TaskMessage task) {
        if (!(task.parameters().get("millis") instanceof Number millis)) {
            throw new InvalidTaskException("parameter 'millis' is required and must be a number");
        }
        Uni<Object> result = Uni.createFrom().item(Map.of("slept", millis.longValue()));
        if (millis.longValue() <= 0) {
            return result;
        }
        return result.onItem()
                .delayIt()
                .by(Duration.ofMillis(millis.longValue()))
                .onCancellation()
                .invoke(() -> stopped.add(task.taskRunId()));
    }

    boolean wasStopped(UUID taskRunId) {
        return stopped.contains(taskRunId);
    }
}
