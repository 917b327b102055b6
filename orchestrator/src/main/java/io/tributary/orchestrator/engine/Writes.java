package io.tributary.orchestrator.engine;

import io.tributary.orchestrator.outbox.OutboxMessage;
import io.tributary.orchestrator.run.FlowRun;
import io.tributary.orchestrator.run.RunState;
import io.tributary.orchestrator.run.TaskRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows one transaction adds, kept by kind so that they are inserted kind after kind (runs before the task runs
 * and history that reference them) and Hibernate can send each kind as one batch.
 */
final class Writes {
    final List<FlowRun> runs = new ArrayList<>();
    final List<TaskRun> tasks = new ArrayList<>();
    final List<RunState> history = new ArrayList<>();
    final List<OutboxMessage> outbox = new ArrayList<>();
    /** Every move of the transaction, counted by {@link RunMetrics} once it committed. */
    final List<RunMetrics.Moved> moves = new ArrayList<>();
    /** How many runs the transaction loaded and decided on. */
    int touched;
    /** The earliest timer the transaction set, to be armed in memory after the commit. */
    Instant earliestWake;

    /** How far the row lists were filled, to undo one input's rows when its decision fails. */
    record Mark(int runs, int tasks, int history, int outbox, int moves) {}

    Mark mark() {
        return new Mark(runs.size(), tasks.size(), history.size(), outbox.size(), moves.size());
    }

    void rollback(Mark mark) {
        runs.subList(mark.runs(), runs.size()).clear();
        tasks.subList(mark.tasks(), tasks.size()).clear();
        history.subList(mark.history(), history.size()).clear();
        outbox.subList(mark.outbox(), outbox.size()).clear();
        moves.subList(mark.moves(), moves.size()).clear();
    }

    void wake(Instant at) {
        if (at != null && (earliestWake == null || at.isBefore(earliestWake))) {
            earliestWake = at;
        }
    }

    Object[] inOrder() {
        List<Object> all = new ArrayList<>(runs.size() + tasks.size() + history.size() + outbox.size());
        all.addAll(runs);
        all.addAll(tasks);
        all.addAll(history);
        all.addAll(outbox);
        return all.toArray();
    }

    boolean publishes() {
        return !outbox.isEmpty();
    }
}
