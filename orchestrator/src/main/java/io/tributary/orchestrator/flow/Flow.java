package io.tributary.orchestrator.flow;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A registered flow: an event trigger and the one task it runs. */
@Entity
@Table(name = "flow")
public class Flow extends PanacheEntityBase {
    @Id
    public UUID id;

    public String name;

    /** Null matches any type; source and subject are glob patterns where {@code *} matches any text. */
    @Column(name = "trigger_type")
    public String triggerType;

    @Column(name = "trigger_source")
    public String triggerSource;

    @Column(name = "trigger_subject")
    public String triggerSubject;

    @Column(name = "task_type")
    public String taskType;

    /** JSON object. */
    @Column(name = "task_parameters")
    public String taskParameters;

    /** A Kafka topic the flow's results go to in addition to {@code tributary.results}; may be null. */
    @Column(name = "result_topic")
    public String resultTopic;

    @Column(name = "task_timeout_ms")
    public long taskTimeoutMs;

    @Column(name = "created_at")
    public Instant createdAt;
}
