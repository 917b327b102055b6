package io.tributary.orchestrator.flow;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A concurrency limit shared by every flow with the tag. */
@Entity
@Table(name = "concurrency_limit")
public class TagLimit extends PanacheEntityBase {
    @Id
    public String tag;

    @Column(name = "slots")
    public int limit;

    @Enumerated(EnumType.STRING)
    public ConcurrencyLimit.Collision collision;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public ConcurrencyLimit toLimit() {
        return new ConcurrencyLimit(limit, collision);
    }
}
