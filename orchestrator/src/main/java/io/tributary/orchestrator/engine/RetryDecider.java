package io.tributary.orchestrator.engine;

import io.tributary.orchestrator.flow.FailureKind;
import io.tributary.orchestrator.flow.RetryPolicy;
import io.tributary.orchestrator.lifecycle.StateName;
import io.tributary.orchestrator.run.TaskRun;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/** An attempt did not complete: another attempt after the policy's delay, or the task run's final failure. */
final class RetryDecider {
    private RetryDecider() {}

    static List<Change> failed(
            RunGraph graph, TaskRun task, FailureKind kind, String error, Instant now, RandomGenerator random) {
        RetryPolicy policy = graph.spec(task).retryPolicy();
        if (policy.retries(kind, task.attempt)) {
            Duration delay = policy.delayAfter(task.attempt, random);
            String message = String.format(
                    Locale.ROOT,
                    "attempt %d: %s; retry %d of %d in %.3f s",
                    task.attempt,
                    error,
                    task.attempt,
                    policy.retries(),
                    delay.toNanos() / 1e9);
            return List.of(
                    new Change.Error(task.id, error),
                    new Change.Move(task.id, StateName.AWAITING_RETRY, message),
                    new Change.RetryAt(task.id, now.plus(delay)));
        }
        StateName last = switch (kind) {
            case ERROR -> StateName.FAILED;
            case TIMEOUT -> StateName.TIMED_OUT;
            case CRASH -> StateName.CRASHED;
        };
        return List.of(new Change.Error(task.id, error), new Change.Move(task.id, last, error));
    }
}
