package io.tributary.stream.delivery;

import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A message of a RabbitMQ (AMQP 0-9-1) queue. Its identity is its {@code message-id} property when the producer set
 * one; else the SHA-256 of exchange, routing key and body, so a redelivery keeps its event id, but two identical
 * messages on the same route count as one. Properties: {@code message-id}, {@code correlation-id}, {@code type},
 * {@code app-id}, {@code user-id}, {@code content-type}, {@code content-encoding}, {@code timestamp},
 * {@code exchange}, {@code routing-key}.
 */
@ApplicationScoped
public class RabbitDeliveryReader implements DeliveryReader {
    @Override
    public String connector() {
        return "smallrye-rabbitmq";
    }

    @Override
    public Delivery read(Message<?> message) {
        IncomingRabbitMQMetadata amqp = message.getMetadata(IncomingRabbitMQMetadata.class)
                .orElseThrow(() -> new IllegalStateException("not a RabbitMQ message: " + message));
        byte[] body = Bodies.bytes(message.getPayload());
        Optional<ZonedDateTime> timestamp = amqp.getTimestamp(ZoneOffset.UTC);
        Map<String, String> properties = new LinkedHashMap<>();
        amqp.getMessageId().ifPresent(id -> properties.put("message-id", id));
        amqp.getCorrelationId().ifPresent(id -> properties.put("correlation-id", id));
        amqp.getType().ifPresent(type -> properties.put("type", type));
        amqp.getAppId().ifPresent(app -> properties.put("app-id", app));
        amqp.getUserId().ifPresent(user -> properties.put("user-id", user));
        amqp.getContentType().ifPresent(type -> properties.put("content-type", type));
        amqp.getContentEncoding().ifPresent(encoding -> properties.put("content-encoding", encoding));
        timestamp.ifPresent(time -> properties.put("timestamp", time.toInstant().toString()));
        properties.put("exchange", amqp.getExchange());
        properties.put("routing-key", amqp.getRoutingKey());
        Map<String, String> headers = new LinkedHashMap<>();
        amqp.getHeaders().forEach((name, value) -> {
            if (value != null) {
                // LongString (AMQP text) prints as its text; numbers and booleans as themselves.
                headers.put(name, value.toString());
            }
        });
        String route = amqp.getExchange() + "/" + amqp.getRoutingKey();
        String identity = amqp.getMessageId()
                .map(id -> "amqp-message-id:" + id)
                .orElseGet(() -> "amqp-sha256:" + sha256(route, body));
        return new Delivery(
                "amqp:" + route + amqp.getMessageId().map(id -> "#" + id).orElse(""),
                identity,
                body,
                headers,
                properties,
                timestamp.map(ZonedDateTime::toInstant));
    }

    private static String sha256(String route, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(route.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
