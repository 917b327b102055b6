package io.tributary.orchestrator.flow;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A registered flow at its current version; every version is kept in {@link FlowVersion} for the runs that started
 * with it. The definition is kept as its author wrote it ({@code spec}, JSON of {@link FlowSpec}).
 */
@Entity
@Table(name = "flow")
public class Flow extends PanacheEntityBase {
    /** The origin of a flow managed over HTTP. */
    public static final String API = "api";

    @Id
    public UUID id;

    public String name;

    /** From 1; every change that alters the spec adds one. */
    public int version;

    /** JSON of {@link FlowSpec}, the current version's. */
    public String spec;

    /** Where the flow is managed: {@link #API}, or {@code file:<name>} for a file of the flows folder. */
    public String origin;

    @Column(name = "created_at")
    public Instant createdAt;

    /** When the current version was saved, or the flow deleted. */
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Set when deleted: no trigger fires it any more, and its runs keep their version. */
    @Column(name = "deleted_at")
    public Instant deletedAt;
}
