package io.tributary.orchestrator.run;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tributary.orchestrator.lifecycle.State;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** One entry of a run's state history; never updated. */
@Entity
@Table(name = "run_state")
public class RunState extends PanacheEntityBase {
    /** From the table's sequence: the engine inserts history rows itself (SQL on the reactive client). */
    @Id
    public Long id;

    @Column(name = "flow_run_id")
    public UUID flowRunId;

    /** Null for the flow run's own state. */
    @Column(name = "task_run_id")
    public UUID taskRunId;

    /** The task run's attempt the state belongs to; null for the flow run's own state. */
    public Integer attempt;

    @Embedded
    public State state;
}
