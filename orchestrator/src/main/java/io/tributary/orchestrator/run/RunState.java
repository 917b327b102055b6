package io.tributary.orchestrator.run;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tributary.orchestrator.lifecycle.State;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.UUID;

/** One entry of a run's state history; never updated. */
@Entity
@Table(name = "run_state")
public class RunState extends PanacheEntityBase {
    /** A pooled sequence, not an identity column: Hibernate batches inserts only when it assigns ids itself. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "run_state_ids")
    @SequenceGenerator(name = "run_state_ids", sequenceName = "run_state_id_seq", allocationSize = 100)
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
