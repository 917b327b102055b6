package io.tributary.orchestrator.flow;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tributary.contract.json.Json;
import io.tributary.orchestrator.problem.ConflictProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class FlowService {
    static final Duration DEFAULT_TASK_TIMEOUT = Duration.ofSeconds(60);

    private final FlowRepository flows;

    public FlowService(FlowRepository flows) {
        this.flows = flows;
    }

    @WithTransaction
    public Uni<Flow> register(FlowRequest request) {
        return flows.findByName(request.name()).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(new ConflictProblem("A flow named '" + request.name() + "' exists."));
            }
            Flow flow = new Flow();
            flow.id = UUID.randomUUID();
            flow.name = request.name();
            flow.triggerType = blankToNull(request.trigger().type());
            flow.triggerSource = blankToNull(request.trigger().source());
            flow.triggerSubject = blankToNull(request.trigger().subject());
            flow.taskType = request.task().type();
            flow.taskParameters = Json.write(
                    request.task().parameters() == null
                            ? Map.of()
                            : request.task().parameters());
            flow.taskTimeoutMs = request.task().timeoutSeconds() == null
                    ? DEFAULT_TASK_TIMEOUT.toMillis()
                    : Duration.ofSeconds(request.task().timeoutSeconds()).toMillis();
            flow.resultTopic = request.resultTopic();
            flow.createdAt = Instant.now();
            return flows.persist(flow);
        });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
