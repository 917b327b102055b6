package io.tributary.orchestrator.flow;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One version of a flow, as saved; never changed. */
@Entity
@Table(name = "flow_version")
@IdClass(FlowVersion.Key.class)
public class FlowVersion extends PanacheEntityBase {
    @Id
    @Column(name = "flow_id")
    public UUID flowId;

    @Id
    public int version;

    /** JSON of {@link FlowSpec}. */
    public String spec;

    @Column(name = "created_at")
    public Instant createdAt;

    static FlowVersion of(Flow flow) {
        FlowVersion version = new FlowVersion();
        version.flowId = flow.id;
        version.version = flow.version;
        version.spec = flow.spec;
        version.createdAt = flow.updatedAt;
        return version;
    }

    /** The composite id, as JPA wants it: a class with the id fields' names and types. */
    public static class Key implements Serializable {
        public UUID flowId;
        public int version;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && version == key.version && Objects.equals(flowId, key.flowId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(flowId, version);
        }
    }
}
