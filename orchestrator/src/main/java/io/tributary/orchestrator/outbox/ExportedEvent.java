package io.tributary.orchestrator.outbox;

import io.tributary.contract.Topics;
import io.tributary.contract.run.RunChange;
import io.tributary.contract.task.TaskControl;
import io.tributary.contract.task.TaskMessage;

/** A message the engine publishes through the outbox; each kind knows its topic and key, so callers never do. */
public sealed interface ExportedEvent {
    String topic();

    String key();

    Object payload();

    /** A state change of a flow run or task run, keyed by flow run id so one run's changes stay in order. */
    record RunChanged(RunChange change) implements ExportedEvent {
        public String topic() {
            return Topics.RUNS;
        }

        public String key() {
            return change.flowRunId().toString();
        }

        public Object payload() {
            return change;
        }
    }

    /** A task run attempt for an executor, keyed by series key (co-partitioned with the series' events). */
    record TaskDispatched(TaskMessage task) implements ExportedEvent {
        public String topic() {
            return Topics.TASKS;
        }

        public String key() {
            return task.input().seriesKey();
        }

        public Object payload() {
            return task;
        }
    }

    /** A command to the executors for a task run attempt, keyed like the task itself. */
    record TaskCommanded(TaskControl control, String seriesKey) implements ExportedEvent {
        public String topic() {
            return Topics.TASK_CONTROL;
        }

        public String key() {
            return seriesKey;
        }

        public Object payload() {
            return control;
        }
    }
}
