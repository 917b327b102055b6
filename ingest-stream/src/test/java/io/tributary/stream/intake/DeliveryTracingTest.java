package io.tributary.stream.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.tributary.contract.Topics;
import io.tributary.devstack.testing.RecordedSpans;
import io.tributary.devstack.testing.Records;
import io.tributary.devstack.testing.SharedInfrastructure;
import io.tributary.devstack.testing.UpstreamInfrastructure;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** An upstream record's trace ({@code traceparent} header) is continued by the event it becomes. */
@QuarkusTest
@UpstreamBrokers
class DeliveryTracingTest {
    private final KafkaCompanion bus = SharedInfrastructure.companion();

    @Inject
    RecordedSpans spans;

    @Test
    void theEventContinuesTheUpstreamTrace() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        ConsumerTask<String, String> events = bus.consumeStrings().fromTopics(Topics.EVENTS);
        String upstream = RecordedSpans.newTraceparent();
        String traceId = RecordedSpans.traceId(upstream);
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", upstream.getBytes(StandardCharsets.UTF_8));
        UpstreamInfrastructure.companion()
                .<String, byte[]>produceWithSerializers(new StringSerializer(), new ByteArraySerializer())
                .fromRecords(new ProducerRecord<>(
                        "upstream.orders",
                        null,
                        "t-" + run,
                        ("{\"orderId\":\"t-" + run + "\",\"amount\":1}").getBytes(StandardCharsets.UTF_8),
                        headers))
                .awaitCompletion();

        ConsumerRecord<String, String> event =
                Records.await(events, "/stream/orders|t-" + run, 1).get(0);
        String context = Records.header(event, "traceparent");
        assertEquals(traceId, RecordedSpans.traceId(context));
        SpanData delivery = spans.await(
                "the delivery's span",
                span -> span.getTraceId().equals(traceId) && span.getKind() == SpanKind.CONSUMER);
        assertEquals(RecordedSpans.spanId(upstream), delivery.getParentSpanId());
        SpanData published = spans.await(
                "publish span of the event", span -> span.getSpanId().equals(RecordedSpans.spanId(context)));
        assertEquals("publish " + Topics.EVENTS, published.getName());
        assertEquals(delivery.getSpanId(), published.getParentSpanId());
    }
}
