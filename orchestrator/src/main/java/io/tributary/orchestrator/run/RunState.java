package io.tributary.orchestrator.run;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tributary.contract.run.StateType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One entry of a run's state history; never updated. */
@Entity
@Table(name = "run_state")
public class RunState extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "flow_run_id")
    public UUID flowRunId;

    /** Null for the flow run's own state. */
    @Column(name = "task_run_id")
    public UUID taskRunId;

    @Enumerated(EnumType.STRING)
    @Column(name = "state_type")
    public StateType stateType;

    @Column(name = "state_name")
    public String stateName;

    public String message;

    @Column(name = "occurred_at")
    public Instant occurredAt;
}
