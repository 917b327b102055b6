package io.tributary.orchestrator.engine;

import static io.tributary.contract.task.TaskStatus.COMPLETED;
import static io.tributary.contract.task.TaskStatus.FAILED;
import static io.tributary.contract.task.TaskStatus.HEARTBEAT;
import static io.tributary.contract.task.TaskStatus.RUNNING;
import static io.tributary.orchestrator.engine.Runs.T0;
import static io.tributary.orchestrator.engine.Runs.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.contract.Topics;
import io.tributary.contract.json.Json;
import io.tributary.contract.task.TaskControl;
import io.tributary.orchestrator.concurrency.SlotStore.Admission;
import io.tributary.orchestrator.flow.FailureKind;
import io.tributary.orchestrator.flow.RetryPolicy;
import io.tributary.orchestrator.lifecycle.IllegalTransitionException;
import io.tributary.orchestrator.lifecycle.StateName;
import io.tributary.orchestrator.problem.ConflictProblem;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The engine's decisions, run after run, in memory: each path of the lifecycle in milliseconds. */
class DecidersTest {
    private static final RetryPolicy TWO_RETRIES = new RetryPolicy(2, 1.0, 2.0, 60.0, 0.0, null);

    @Test
    void aRunGoesScheduledPendingRunningCompletedWithItsTaskResult() {
        Runs runs = Runs.started(null, task("stats"));
        assertEquals(StateName.PENDING, runs.run());
        assertEquals(1, runs.dispatched.size());
        assertEquals(1, runs.dispatched.get(0).attempt());
        assertNull(runs.graph.run().wakeAt, "waiting in the queue has no timer");

        runs.at(T0.plusSeconds(100)).report("stats", RUNNING);
        assertEquals(T0.plusSeconds(100), runs.graph.run().startedAt, "timeouts count from the start");
        assertEquals(T0.plusSeconds(110), runs.graph.run().wakeAt, "the attempt's 10 s timeout");
        runs.report("stats", COMPLETED);

        assertEquals(StateName.COMPLETED, runs.run());
        assertEquals("{\"of\":\"stats\"}", runs.graph.run().result);
        assertNull(runs.graph.run().wakeAt);
        assertEquals(
                List.of(
                        "run:Scheduled",
                        "stats:Pending",
                        "run:Pending",
                        "stats:Running",
                        "run:Running",
                        "stats:Completed",
                        "run:Completed"),
                runs.history());
    }

    @Test
    void aRunNotStartedWithinItsStartWithinIsMarkedLateOnceAndNotFailed() {
        Runs runs = Runs.startedWithin(30, task("stats"));
        assertEquals(T0.plusSeconds(30), runs.graph.run().wakeAt, "the start-within deadline is a timer");

        runs.wakeAt(T0.plusSeconds(30));
        assertEquals(StateName.LATE, runs.run());
        assertEquals(StateName.PENDING, runs.task("stats"), "the task still waits for its executor");
        assertNull(runs.graph.run().wakeAt, "marked once: no timer left");
        runs.wakeAt(T0.plusSeconds(60));

        runs.at(T0.plusSeconds(90)).report("stats", RUNNING).report("stats", COMPLETED);
        assertEquals(StateName.COMPLETED, runs.run());
        assertEquals(
                1,
                runs.history().stream().filter("run:Late"::equals).count(),
                runs.history().toString());
    }

    @Test
    void aRunWaitingForAConcurrencySlotPastItsStartWithinIsMarkedLateAndKeepsItsPlace() {
        Runs runs = Runs.waitingForSlot(30, task("stats"));
        assertEquals(StateName.AWAITING_CONCURRENCY_SLOT, runs.run());
        runs.settle(SlotDecider.admission(runs.graph, Admission.FULL, Runs.ONE_SLOT, T0));
        assertEquals(T0.plusSeconds(30), runs.graph.run().wakeAt, "parked, but its start-within is a timer");

        runs.at(T0.plusSeconds(30))
                .settle(SlotDecider.admission(runs.graph, Admission.FULL, Runs.ONE_SLOT, T0.plusSeconds(30)));
        assertEquals(StateName.AWAITING_CONCURRENCY_SLOT, runs.run(), "still waiting, in arrival order");
        assertNull(runs.graph.run().wakeAt, "parked until a slot frees; marked Late once");
        assertTrue(runs.dispatched.isEmpty(), "nothing runs before its slot is taken");

        runs.at(T0.plusSeconds(45))
                .settle(SlotDecider.admission(runs.graph, Admission.GRANTED, Runs.ONE_SLOT, T0.plusSeconds(45)));
        assertEquals(StateName.PENDING, runs.run());
        assertEquals(1, runs.dispatched.size());
        assertEquals(
                List.of(
                        "run:Scheduled",
                        "run:AwaitingConcurrencySlot",
                        "stats:Scheduled",
                        "run:Late",
                        "run:AwaitingConcurrencySlot",
                        "run:Pending",
                        "stats:Pending"),
                runs.history());
    }

    @Test
    void aFailedAttemptRetriesAfterItsDelayAndTheRetryCompletes() {
        Runs runs = Runs.started(null, task("stats", TWO_RETRIES));
        runs.report("stats", RUNNING).report("stats", FAILED);
        assertEquals(StateName.AWAITING_RETRY, runs.task("stats"));
        assertEquals(StateName.RUNNING, runs.run(), "the run waits with its task");
        assertEquals(T0.plusSeconds(1), runs.graph.run().wakeAt);

        runs.wakeAt(T0.plusMillis(999));
        assertEquals(1, runs.dispatched.size(), "not before the delay");
        runs.wakeAt(T0.plusSeconds(1));
        assertEquals(2, runs.dispatched.size());
        assertEquals(2, runs.dispatched.get(1).attempt());

        runs.report("stats", RUNNING);
        assertEquals(StateName.RETRYING, runs.task("stats"));
        runs.report("stats", COMPLETED);
        assertEquals(StateName.COMPLETED, runs.run());
    }

    @Test
    void aReportForAnEarlierAttemptChangesNothing() {
        Runs runs = Runs.started(null, task("stats", TWO_RETRIES));
        runs.report("stats", RUNNING).report("stats", FAILED).wakeAt(T0.plusSeconds(2));
        int before = runs.history().size();
        var task = runs.graph.task("stats");
        var late =
                new io.tributary.contract.task.TaskUpdate(task.id, runs.graph.run().id, 1, COMPLETED, null, null, T0);
        assertTrue(UpdateDecider.decide(runs.graph, late, T0, runs.random).isEmpty());
        assertEquals(before, runs.history().size());
    }

    @Test
    void whenRetriesAreExhaustedTheRunFails() {
        Runs runs = Runs.started(null, task("stats", TWO_RETRIES));
        for (int attempt = 1; attempt <= 2; attempt++) {
            runs.report("stats", RUNNING).report("stats", FAILED).wakeAt(runs.graph.task("stats").retryAt);
        }
        runs.report("stats", RUNNING).report("stats", FAILED);
        assertEquals(3, runs.dispatched.size());
        assertEquals(StateName.FAILED, runs.task("stats"));
        assertEquals(StateName.FAILED, runs.run());
        assertTrue(runs.graph.run().state.message.contains("task 'stats' ended Failed"));
    }

    @Test
    void anAttemptPastItsTimeoutTimesOutAndTheExecutorIsToldToStop() {
        Runs runs = Runs.started(null, task("stats"));
        runs.at(T0.plusSeconds(5)).report("stats", RUNNING);
        runs.wakeAt(T0.plusSeconds(14));
        assertEquals(StateName.RUNNING, runs.task("stats"));
        runs.wakeAt(T0.plusSeconds(15));
        assertEquals(StateName.TIMED_OUT, runs.task("stats"));
        assertEquals(StateName.FAILED, runs.run());
        TaskControl cancel = Json.read(
                runs.writes.outbox.stream()
                        .filter(m -> m.topic().equals(Topics.TASK_CONTROL))
                        .findFirst()
                        .orElseThrow()
                        .payload(),
                TaskControl.class);
        assertEquals(1, cancel.attempt());
    }

    @Test
    void aFlowRunPastItsTimeoutTimesOutAndCancelsWhatIsLeft() {
        Runs runs = Runs.started(20L, task("a"), task("b", "a"));
        runs.at(T0.plusSeconds(1)).report("a", RUNNING).report("a", HEARTBEAT);
        runs.at(T0.plusSeconds(12)).report("a", COMPLETED).report("b", RUNNING);
        runs.at(T0.plusSeconds(17)).report("b", HEARTBEAT);
        runs.wakeAt(T0.plusSeconds(21));
        assertEquals(StateName.TIMED_OUT, runs.run());
        assertEquals(StateName.CANCELLED, runs.task("b"));
        assertEquals(StateName.COMPLETED, runs.task("a"));
    }

    @Test
    void aWorkerThatStopsHeartbeatingCrashesItsAttemptWhichRetries() {
        RetryPolicy onCrash = new RetryPolicy(1, 0.0, 1.0, 0.0, 0.0, Set.of(FailureKind.CRASH));
        Runs runs = Runs.started(
                null, new io.tributary.orchestrator.flow.TaskSpec("stats", "window-stats", null, null, 300L, onCrash));
        runs.report("stats", RUNNING);
        runs.at(T0.plusSeconds(20)).report("stats", HEARTBEAT);
        runs.wakeAt(T0.plusSeconds(49));
        assertEquals(StateName.RUNNING, runs.task("stats"), "heartbeats push the deadline");
        runs.wakeAt(T0.plusSeconds(50));
        assertEquals(StateName.AWAITING_RETRY, runs.task("stats"));
        assertTrue(runs.history().contains("stats:AwaitingRetry"));
        runs.wakeAt(T0.plusSeconds(50));
        runs.report("stats", RUNNING);
        runs.at(T0.plusSeconds(200)).wakeAt(T0.plusSeconds(200));
        assertEquals(StateName.CRASHED, runs.task("stats"), "no retry left");
        assertEquals(StateName.CRASHED, runs.run());
    }

    @Test
    void cancellingAPendingRunTellsTheExecutorsAndEndsCancelledOnceConfirmedOrAfterTheGrace() {
        Runs runs = Runs.started(null, task("stats"));
        runs.settle(CancelDecider.cancel(runs.graph, "by test"));
        assertEquals(StateName.CANCELLING, runs.run());
        assertEquals(StateName.CANCELLING, runs.task("stats"));
        assertTrue(runs.writes.outbox.stream().anyMatch(m -> m.topic().equals(Topics.TASK_CONTROL)));
        runs.wakeAt(T0.plusSeconds(10));
        assertEquals(StateName.CANCELLED, runs.task("stats"));
        assertEquals(StateName.CANCELLED, runs.run());
        runs.report("stats", COMPLETED);
        assertNull(runs.graph.task("stats").result, "a late result is ignored");
    }

    @Test
    void cancellingARunningRunEndsWhenTheExecutorConfirms() {
        Runs runs = Runs.started(null, task("stats"));
        runs.report("stats", RUNNING).settle(CancelDecider.cancel(runs.graph, "by test"));
        runs.report("stats", io.tributary.contract.task.TaskStatus.CANCELLED);
        assertEquals(StateName.CANCELLED, runs.run());
        assertThrows(ConflictProblem.class, () -> CancelDecider.cancel(runs.graph, "again"));
    }

    @Test
    void aDagOfThreeTasksRunsInDependencyOrderAndPassesResultsDown() {
        Runs runs = Runs.started(null, task("load"), task("stats", "load"), task("report", "stats"));
        assertEquals(
                List.of("load"), runs.dispatched.stream().map(t -> t.taskName()).toList());
        assertEquals(StateName.SCHEDULED, runs.task("stats"));
        runs.report("load", RUNNING).report("load", COMPLETED);
        assertEquals("stats", runs.dispatched.get(1).taskName());
        assertEquals(
                "{\"of\":\"load\"}",
                Json.write(runs.dispatched.get(1).input().upstream().get("load")));
        runs.report("stats", RUNNING).report("stats", COMPLETED);
        assertEquals(StateName.RUNNING, runs.run());
        runs.report("report", RUNNING).report("report", COMPLETED);
        assertEquals(StateName.COMPLETED, runs.run());
        assertEquals("{\"of\":\"report\"}", runs.graph.run().result);
    }

    @Test
    void whenATaskFailsItsDependentsAreCancelledAndARerunRunsOnlyWhatDidNotComplete() {
        Runs runs = Runs.started(null, task("load"), task("stats", "load"), task("report", "stats"));
        runs.report("load", RUNNING)
                .report("load", COMPLETED)
                .report("stats", RUNNING)
                .report("stats", FAILED);
        assertEquals(StateName.CANCELLED, runs.task("report"));
        assertEquals(StateName.FAILED, runs.run());

        runs.settle(RerunDecider.rerun(runs.graph));
        assertEquals(StateName.PENDING, runs.run());
        assertEquals(StateName.COMPLETED, runs.task("load"));
        assertEquals(2, runs.graph.task("stats").attempt);
        runs.report("stats", RUNNING)
                .report("stats", COMPLETED)
                .report("report", RUNNING)
                .report("report", COMPLETED);
        assertEquals(StateName.COMPLETED, runs.run());
    }

    @Test
    void anIllegalMoveIsRefusedAndLeavesTheRunAsItWas() {
        Runs runs = Runs.started(null, task("stats"));
        var id = runs.graph.task("stats").id;
        IllegalTransitionException refused = assertThrows(
                IllegalTransitionException.class,
                () -> runs.settle(
                        List.of(new Change.Result(id, "{}"), new Change.Move(id, StateName.COMPLETED, null))));
        assertTrue(refused.getMessage().contains("Pending -> Completed"));
        assertEquals(StateName.PENDING, runs.task("stats"));
        assertNull(runs.graph.task("stats").result);
    }
}
