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

/** One run of a flow, started by a trigger or by hand. */
@Entity
@Table(name = "flow_run")
public class FlowRun extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "flow_id")
    public UUID flowId;

    /** The version of the flow the run started with: it keeps it when the flow changes. */
    @Column(name = "flow_version")
    public int flowVersion;

    /**
     * What started the run, unique per flow: the triggering event's id, or {@code manual:<key>} for a run started
     * by hand.
     */
    @Column(name = "event_id")
    public String eventId;

    /** The kind of trigger that started the run ({@code event}, {@code manual}). */
    @Column(name = "trigger_kind")
    public String triggerKind;

    /** JSON object: the flow's parameters for this run, defaults included. */
    public String parameters;

    @Column(name = "series_key")
    public String seriesKey;

    /** The triggering event as JSON, kept so the run can be understood and retried without the topic. */
    @Column(name = "trigger_event")
    public String triggerEvent;

    @Embedded
    public State state;

    /** JSON: the result of the flow's final task (or of each, by name, when the DAG has several) once COMPLETED. */
    public String result;

    @Column(name = "created_at")
    public Instant createdAt;

    /** When the first task started RUNNING: the flow run's timeout counts from here. */
    @Column(name = "started_at")
    public Instant startedAt;

    /** While AwaitingConcurrencySlot: when admission is next tried; null while parked until a slot frees. */
    @Column(name = "admit_at")
    public Instant admitAt;

    /**
     * The earliest instant at which a timer of this run or of one of its task runs is due (attempt timeout, missed
     * heartbeats, retry delay, flow timeout, "start within", cancel grace); null when none. Derived by
     * {@code engine.Deadlines} after every change, claimed by the wake sweep.
     */
    @Column(name = "wake_at")
    public Instant wakeAt;

    /**
     * W3C {@code traceparent} of the span that started the run (a child of the triggering event's span, when the
     * event carried one): every message sent for the run later continues this trace. Null when none was traced.
     */
    public String traceparent;
}
