package io.tributary.analytics.task;

import io.opentelemetry.context.Context;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.tributary.analytics.AnalyticsConfig;
import io.tributary.analytics.control.AttemptKey;
import io.tributary.analytics.control.Cancellations;
import io.tributary.contract.json.Json;
import io.tributary.contract.task.TaskMessage;
import io.tributary.contract.task.TaskStatus;
import io.tributary.contract.task.TaskUpdate;
import io.tributary.contract.trace.LogFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Executes one attempt of a task run. An attempt cancelled before it starts is never executed (CANCELLED); an
 * unknown type FAILS. Otherwise it reports RUNNING — its timeout counts from there, never from scheduling — and
 * heartbeats while the computation races its timeout and its cancel: the first to finish decides the one terminal
 * report, and the others are cancelled, which stops the computation.
 */
@ApplicationScoped
public class AttemptExecutor {
    private final Map<String, AnalysisTask> types;
    private final Cancellations cancellations;
    private final TaskReporter reporter;
    private final EndedAttempts ended;
    private final TaskMetrics metrics;

    public AttemptExecutor(
            Instance<AnalysisTask> types,
            Cancellations cancellations,
            TaskReporter reporter,
            AnalyticsConfig config,
            TaskMetrics metrics) {
        this.types = types.stream()
                .collect(Collectors.toMap(AnalysisTask::type, Function.identity(), (a, b) -> a, TreeMap::new));
        this.cancellations = cancellations;
        this.reporter = reporter;
        this.ended = new EndedAttempts(config.endedAttempts());
        this.metrics = metrics;
    }

    /**
     * Emits once every report of the attempt was acknowledged by the broker. An attempt already running or ended
     * here (its task message delivered again, as a batch is after a failed commit or a rebalance back) is not
     * executed again: it reports, and its result is published, once.
     *
     * @param trace the context of the task's span: its reports and results are sent in it
     */
    Uni<Void> execute(TaskMessage task, Context trace) {
        AttemptKey key = AttemptKey.of(task);
        if (!ended.claim(key)) {
            try (LogFields fields = fields(task, trace)) {
                Log.debugf(
                        "Attempt %s/%d is running or ended here; not executing it again",
                        task.taskRunId(), task.attempt());
            }
            return Uni.createFrom().voidItem();
        }
        return cancellations
                .cancelledBefore(key)
                .flatMap(cancelled -> start(task, cancelled, trace))
                .onFailure()
                .invoke(() -> ended.release(key));
    }

    private Uni<Void> start(TaskMessage task, Optional<String> cancelled, Context trace) {
        if (cancelled.isPresent()) {
            try (LogFields fields = fields(task, trace)) {
                Log.debugf("Not executing cancelled attempt %s/%d", task.taskRunId(), task.attempt());
            }
            return end(task, TaskStatus.CANCELLED, cancelled.get(), trace);
        }
        AnalysisTask type = types.get(task.taskType());
        if (type == null) {
            return end(
                    task,
                    TaskStatus.FAILED,
                    "unknown task type '" + task.taskType() + "'; known: " + types.keySet(),
                    trace);
        }
        AttemptReports reports = new AttemptReports(task, reporter, trace);
        reports.running();
        long started = System.nanoTime();
        Cancellable heartbeats = heartbeats(task.heartbeatInterval(), reports);
        return Uni.join()
                .first(cancelled(task), timedOut(task.timeout()), computed(task, type, trace))
                .toTerminate()
                .onTermination()
                .invoke(heartbeats::cancel)
                .invoke(outcome -> metrics.executed(
                        task.taskType(), outcome.status(), Duration.ofNanos(System.nanoTime() - started)))
                .flatMap(reports::end);
    }

    private Uni<Outcome> cancelled(TaskMessage task) {
        return cancellations.whenCancelled(AttemptKey.of(task)).map(Outcome::cancelled);
    }

    /** Never emits without a (positive) timeout: the attempt may run as long as it takes. */
    private static Uni<Outcome> timedOut(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            return Uni.createFrom().nothing();
        }
        return Uni.createFrom()
                .item(Outcome.timedOut(timeout))
                .onItem()
                .delayIt()
                .by(timeout);
    }

    private static Uni<Outcome> computed(TaskMessage task, AnalysisTask type, Context trace) {
        return Uni.createFrom()
                .deferred(() -> type.execute(task))
                // Serialized here, so a result that cannot be written fails the attempt rather than its reports.
                .map(result -> Outcome.completed(Json.MAPPER.valueToTree(result)))
                .onFailure()
                .recoverWithItem(e -> Outcome.failed(reason(task, e, trace)));
    }

    /** Ticks after each interval; none without a (positive) interval. Cancelled when the attempt ends. */
    private static Cancellable heartbeats(Duration interval, AttemptReports reports) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            return () -> {};
        }
        return Multi.createFrom()
                .ticks()
                .startingAfter(interval)
                .every(interval)
                .subscribe()
                .with(tick -> reports.heartbeat());
    }

    private static String reason(TaskMessage task, Throwable failure, Context trace) {
        if (failure instanceof InvalidTaskException) {
            return failure.getMessage();
        }
        // A defect of the task type rather than of its input: worth a stack trace in the log.
        try (LogFields fields = fields(task, trace)) {
            Log.warnf(failure, "Task %s of type %s failed", task.taskRunId(), task.taskType());
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    /** What a log line about the attempt carries: its run, task run and trace. */
    static LogFields fields(TaskMessage task, Context trace) {
        return LogFields.of(trace).runId(task.flowRunId()).taskRunId(task.taskRunId());
    }

    private Uni<Void> end(TaskMessage task, TaskStatus status, String reason, Context trace) {
        return reporter.report(task, TaskUpdate.ended(task, status, reason, Instant.now()), trace);
    }
}
