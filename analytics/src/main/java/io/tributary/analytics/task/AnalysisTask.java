package io.tributary.analytics.task;

import io.smallrye.mutiny.Uni;
import io.tributary.contract.task.TaskMessage;

/**
 * A task type analytics can execute. Implementations are beans; {@link #type()} is what flows name. The attempt
 * cancels its subscription to {@link #execute} when it is cancelled or runs past its timeout: implementations do
 * their work lazily, on subscription, without blocking, and stop it on cancellation (Mutiny's operators do).
 */
public interface AnalysisTask {
    String type();

    /**
     * @return the result, serialized as the run's result and the result event's data
     * @throws InvalidTaskException (as a failed Uni) when the parameters or input do not allow a result
     */
    Uni<Object> execute(TaskMessage task);
}
