package io.tributary.analytics.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.tributary.contract.task.TaskMessage;

/**
 * A task type analytics can execute. Implementations are beans; {@link #type()} is what flows name. The attempt
 * cancels its subscription to {@link #execute} when it is cancelled or runs past its timeout: implementations do
 * their work lazily, on subscription, without blocking, and stop it on cancellation (Mutiny's operators do).
 */
public interface AnalysisTask {
    String type();

    /** What the task computes, in a sentence, for the catalogue of task types. */
    String description();

    /**
     * A JSON Schema (2020-12) of the parameters object, published on {@code tributary.task-types}: the orchestrator
     * refuses a flow whose parameters it rejects. {@link #execute} still checks what it uses (an expression's value
     * is known only at run time).
     */
    JsonNode parameterSchema();

    /**
     * @return the result, serialized as the run's result and the result event's data
     * @throws InvalidTaskException (as a failed Uni) when the parameters or input do not allow a result
     */
    Uni<Object> execute(TaskMessage task);
}
