package io.tributary.orchestrator.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A Kafka message written in the same transaction as the state change it announces, and relayed afterwards: a
 * state change is never stored without its message, nor a message sent for a change that rolled back. Written only
 * through {@link Outbox#export}.
 */
@Entity
@Table(name = "outbox")
public class OutboxMessage extends PanacheEntityBase {
    /** Pooled sequence: batched inserts; ids still grow per instance, so the relay keeps each writer's order. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_ids")
    @SequenceGenerator(name = "outbox_ids", sequenceName = "outbox_id_seq", allocationSize = 100)
    public Long id;

    public String topic;

    @Column(name = "message_key")
    public String key;

    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;
}
