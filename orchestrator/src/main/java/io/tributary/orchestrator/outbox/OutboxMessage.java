package io.tributary.orchestrator.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A Kafka message written in the same transaction as the state change it announces, and relayed afterwards: a
 * state change is never stored without its message, nor a message sent for a change that rolled back.
 */
@Entity
@Table(name = "outbox")
public class OutboxMessage extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String topic;

    @Column(name = "message_key")
    public String key;

    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;

    public static OutboxMessage of(String topic, String key, String payload) {
        OutboxMessage message = new OutboxMessage();
        message.topic = topic;
        message.key = key;
        message.payload = payload;
        message.createdAt = Instant.now();
        return message;
    }
}
