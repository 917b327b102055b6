package io.tributary.orchestrator.run;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tributary.contract.run.StateType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One task of a flow run, dispatched to an executor on {@code tributary.tasks}. */
@Entity
@Table(name = "task_run")
public class TaskRun extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "flow_run_id")
    public UUID flowRunId;

    @Column(name = "task_type")
    public String taskType;

    public int attempt;

    @Enumerated(EnumType.STRING)
    @Column(name = "state_type")
    public StateType stateType;

    @Column(name = "state_name")
    public String stateName;

    /** JSON. */
    public String result;

    public String error;

    public Instant deadline;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
