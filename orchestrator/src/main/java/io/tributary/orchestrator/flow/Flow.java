package io.tributary.orchestrator.flow;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A registered flow. The whole definition is kept as its author wrote it ({@code spec}, JSON of {@link FlowSpec});
 * the trigger's type is a column too, for the catalogue's revision checks and for queries.
 */
@Entity
@Table(name = "flow")
public class Flow extends PanacheEntityBase {
    @Id
    public UUID id;

    public String name;

    @Column(name = "trigger_type")
    public String triggerType;

    /** JSON of {@link FlowSpec}. */
    public String spec;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
