package io.tributary.devstack.bench;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The baseline ingest-iot is measured against: the least a bridge with the same guarantees does. The same Vert.x MQTT
 * client (QoS 1, PUBACK only after Kafka acknowledged) hands each payload as it is to a plain KafkaProducer with the
 * same acks and idempotence as ingest-iot's producer; no decoding, no normalization, no dead letters.
 */
final class RawMqttBridge implements AutoCloseable {
    private final Vertx vertx = Vertx.vertx();
    private final MqttClient client;
    private final KafkaProducer<String, byte[]> producer;

    RawMqttBridge(String mqttHost, int mqttPort, String filter, String bootstrap, String topic) throws Exception {
        producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"),
                new StringSerializer(),
                new ByteArraySerializer());
        MqttClientOptions options = new MqttClientOptions()
                .setClientId("bench-raw-bridge")
                .setCleanSession(true)
                .setMaxInflightQueue(1024)
                // As ingest-iot: with a bound (8 KiB by default, or 1 MiB) a stream of 114-byte readings failed in
                // the client's decoder ("message length exceeds 1048576: 114") and the connection closed.
                .setMaxMessageSize(Integer.MAX_VALUE);
        options.setAutoAck(false);
        client = MqttClient.create(vertx, options);
        client.publishHandler(message -> {
            // The client is not thread-safe: acknowledge on its own context, not on Kafka's callback thread.
            Context context = Vertx.currentContext();
            producer.send(
                    new ProducerRecord<>(
                            topic, message.topicName(), message.payload().getBytes()),
                    (metadata, failure) -> {
                        if (failure == null) {
                            context.runOnContext(ignored -> message.ack());
                        }
                    });
        });
        client.connect(mqttPort, mqttHost)
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        client.subscribe(filter, MqttQoS.AT_LEAST_ONCE.value())
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        try {
            client.disconnect().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } finally {
            producer.close();
            vertx.close();
        }
    }
}
