package io.tributary.iot.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.tributary.contract.Topics;
import io.tributary.contract.trace.MessagingSpans;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.MqttTestResource;
import io.tributary.devstack.testing.RecordedSpans;
import io.tributary.devstack.testing.Records;
import io.tributary.devstack.testing.SharedInfrastructure;
import io.vertx.mqtt.messages.MqttPublishMessage;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A reading's span starts the trace (or continues the one an MQTT 5 device sent in its user properties), and the
 * event it becomes carries it to Kafka in its {@code traceparent} header, under a publish span of the reading's.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MqttTestResource.class)
class ReadingTracingTest {
    private final KafkaCompanion kafka = SharedInfrastructure.companion();

    @Inject
    RecordedSpans spans;

    @Inject
    ReadingProcessor processor;

    @Test
    void aReadingOverMqtt311StartsTheTraceItsEventCarries() {
        ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics(Topics.EVENTS);
        String device = "traced-" + UUID.randomUUID();
        try (DevicePublisher publisher = new DevicePublisher("tracing-test")) {
            publisher.publish("tributary/" + device + "/telemetry", "{\"temperature\": 21.5}");
        }
        ConsumerRecord<String, String> event =
                Records.await(events, "/iot/devices|" + device, 1).get(0);
        String context = Records.header(event, "traceparent");
        String traceId = RecordedSpans.traceId(context);

        SpanData published = spans.await(
                "publish span of the event", span -> span.getSpanId().equals(RecordedSpans.spanId(context)));
        assertEquals("publish " + Topics.EVENTS, published.getName());
        assertEquals(SpanKind.PRODUCER, published.getKind());
        assertEquals(Records.header(event, "ce_id"), published.getAttributes().get(MessagingSpans.EVENT_ID));
        SpanData reading =
                spans.await("the reading's span", RecordedSpans.named("process tributary/{device}/telemetry", traceId));
        assertEquals(SpanKind.CONSUMER, reading.getKind());
        assertEquals(reading.getSpanId(), published.getParentSpanId());
        assertFalse(reading.getParentSpanContext().isValid(), "MQTT 3.1.1 carries no trace: the reading is the root");
    }

    @Test
    void aTraceparentUserPropertyIsTheReadingsParent() {
        ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics(Topics.EVENTS);
        String device = "traced-" + UUID.randomUUID();
        String upstream = RecordedSpans.newTraceparent();
        MqttProperties properties = new MqttProperties();
        properties.add(new MqttProperties.UserProperty("traceparent", upstream));
        String topic = "tributary/" + device + "/telemetry";
        MqttPublishMessage message = MqttPublishMessage.create(
                1,
                MqttQoS.AT_LEAST_ONCE,
                false,
                false,
                topic,
                Unpooled.copiedBuffer("{\"temperature\": 3}", StandardCharsets.UTF_8),
                properties);

        Context parent = MqttTraceContext.of(message);
        assertEquals(
                RecordedSpans.spanId(upstream),
                Span.fromContext(parent).getSpanContext().getSpanId());
        processor
                .process(topic, message.payload().getBytes(), Instant.now(), parent)
                .await()
                .atMost(Duration.ofSeconds(30));

        ConsumerRecord<String, String> event =
                Records.await(events, "/iot/devices|" + device, 1).get(0);
        String traceId = RecordedSpans.traceId(upstream);
        assertEquals(traceId, RecordedSpans.traceId(Records.header(event, "traceparent")));
        SpanData reading =
                spans.await("the reading's span", RecordedSpans.named("process tributary/{device}/telemetry", traceId));
        assertEquals(RecordedSpans.spanId(upstream), reading.getParentSpanId());
    }

    @Test
    void aMessageWithoutPropertiesHasNoParent() {
        MqttPublishMessage message = MqttPublishMessage.create(
                1, MqttQoS.AT_LEAST_ONCE, false, false, "tributary/x/telemetry", Unpooled.EMPTY_BUFFER);
        assertFalse(
                Span.fromContext(MqttTraceContext.of(message)).getSpanContext().isValid());
    }
}
