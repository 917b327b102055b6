package io.tributary.orchestrator.run;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tributary.orchestrator.lifecycle.State;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One task of a flow run's DAG; each attempt is dispatched to an executor on {@code tributary.tasks}. */
@Entity
@Table(name = "task_run")
public class TaskRun extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "flow_run_id")
    public UUID flowRunId;

    /** The task's name in the flow's DAG. */
    @Column(name = "task_name")
    public String taskName;

    @Column(name = "task_type")
    public String taskType;

    /** The current attempt, from 1; 0 while the task has never been dispatched. */
    public int attempt;

    @Embedded
    public State state;

    /** JSON: the parameters the current attempt was dispatched with, expressions evaluated; null before. */
    public String parameters;

    /** JSON, once COMPLETED. */
    public String result;

    /** The last attempt's error. */
    public String error;

    @Column(name = "created_at")
    public Instant createdAt;

    /** When the current attempt started RUNNING: its timeout counts from here. */
    @Column(name = "started_at")
    public Instant startedAt;

    /** The current attempt's last sign of life (RUNNING or HEARTBEAT). */
    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;

    /** While AwaitingRetry: when the next attempt is due. */
    @Column(name = "retry_at")
    public Instant retryAt;
}
