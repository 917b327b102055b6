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

/** One run of a flow, started by one event. */
@Entity
@Table(name = "flow_run")
public class FlowRun extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "flow_id")
    public UUID flowId;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "series_key")
    public String seriesKey;

    /** The triggering event as JSON, kept so the run can be understood and retried without the topic. */
    @Column(name = "trigger_event")
    public String triggerEvent;

    @Enumerated(EnumType.STRING)
    @Column(name = "state_type")
    public StateType stateType;

    @Column(name = "state_name")
    public String stateName;

    /** JSON: the result of the flow's task once COMPLETED. */
    public String result;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
