package io.tributary.analytics.task;

import io.opentelemetry.context.Context;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.tributary.contract.task.TaskMessage;
import io.tributary.contract.task.TaskStatus;
import io.tributary.contract.task.TaskUpdate;
import io.tributary.contract.trace.LogFields;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What one attempt reports, in the order the orchestrator must see it: RUNNING, HEARTBEATs, then exactly one
 * terminal report (with the result, for COMPLETED). Sends are pipelined rather than awaited one by one: the updates
 * share a key and a partition, and the idempotent producer keeps their order. The broker acks are collected so the
 * task message is acknowledged only after them. Heartbeat acks are not: a lost heartbeat loses no data, and the
 * terminal report's ack follows theirs anyway (same partition, in order).
 */
final class AttemptReports {
    private final TaskMessage task;
    private final TaskReporter reporter;
    private final Context trace;
    private final List<Uni<Void>> acks = new ArrayList<>();
    private boolean ended;

    AttemptReports(TaskMessage task, TaskReporter reporter, Context trace) {
        this.task = task;
        this.reporter = reporter;
        this.trace = trace;
    }

    synchronized void running() {
        acks.add(send(reporter.report(task, TaskUpdate.running(task, Instant.now()), trace)));
    }

    /** A heartbeat, unless the attempt ended: none may follow the terminal report. */
    synchronized void heartbeat() {
        if (ended) {
            return;
        }
        reporter.report(task, TaskUpdate.of(task, TaskStatus.HEARTBEAT, Instant.now()), trace)
                .subscribe()
                .with(ignored -> {}, e -> Log.debugf("Heartbeat of %s lost: %s", task.taskRunId(), e.getMessage()));
    }

    /** Sends the terminal report (and the results); emits once every send of the attempt was acknowledged. */
    synchronized Uni<Void> end(Outcome outcome) {
        ended = true;
        Instant at = Instant.now();
        if (Log.isDebugEnabled()) {
            try (LogFields fields = AttemptExecutor.fields(task, trace)) {
                Log.debugf(
                        "Attempt %s/%d of task %s ended %s",
                        task.taskRunId(), task.attempt(), task.taskName(), outcome.status());
            }
        }
        if (outcome.status() == TaskStatus.COMPLETED) {
            // Results and COMPLETED go out together: a reader of either does not depend on the other.
            acks.add(send(reporter.publishResult(task, outcome.result(), at, null, trace)));
            if (task.resultTopic() != null) {
                acks.add(send(reporter.publishResult(task, outcome.result(), at, task.resultTopic(), trace)));
            }
            acks.add(send(reporter.report(task, TaskUpdate.completed(task, outcome.result(), at), trace)));
            reporter.alsoPublish(task, outcome.result(), at);
        } else {
            acks.add(
                    send(reporter.report(task, TaskUpdate.ended(task, outcome.status(), outcome.reason(), at), trace)));
        }
        return Uni.combine().all().unis(List.copyOf(acks)).discardItems();
    }

    /** Sends now (the send is lazy) and keeps the ack for later. */
    private static Uni<Void> send(Uni<Void> send) {
        CompletableFuture<Void> ack = send.subscribeAsCompletionStage();
        return Uni.createFrom().completionStage(ack);
    }
}
