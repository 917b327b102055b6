package io.tributary.api.webhook;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.tributary.api.UpstreamApi;
import io.tributary.contract.Topics;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.PostgresTestResource;
import io.tributary.devstack.testing.RecordedSpans;
import io.tributary.devstack.testing.Records;
import io.tributary.devstack.testing.SharedInfrastructure;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A webhook sender's trace ({@code traceparent} HTTP header) is continued by the events of its delivery. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(UpstreamApi.class)
class WebhookTracingTest {
    private final ConsumerTask<String, String> events =
            SharedInfrastructure.companion().consumeStrings().fromTopics(Topics.EVENTS);

    @Inject
    RecordedSpans spans;

    @Test
    void theEventsOfADeliveryContinueTheSendersTrace() throws Exception {
        String repo = "traced-" + UUID.randomUUID();
        String body = "{\"delivery\":\"t1\",\"repository\":{\"name\":\"" + repo + "\"},\"stars\":1}";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("github-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        String upstream = RecordedSpans.newTraceparent();
        String traceId = RecordedSpans.traceId(upstream);

        given().contentType("application/json")
                .header("X-Hub-Signature-256", "sha256=" + signature)
                .header("traceparent", upstream)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/webhooks/hooks")
                .then()
                .statusCode(202);

        ConsumerRecord<String, String> event =
                Records.await(events, "/api/hooks|" + repo, 1).get(0);
        String context = Records.header(event, "traceparent");
        assertEquals(traceId, RecordedSpans.traceId(context), "the event continues the sender's trace");
        SpanData published = spans.await(
                "publish span of the event", span -> span.getSpanId().equals(RecordedSpans.spanId(context)));
        assertEquals("publish " + Topics.EVENTS, published.getName());
        SpanData intake = spans.await("the delivery's intake span", RecordedSpans.named("process /api/hooks", traceId));
        assertEquals(intake.getSpanId(), published.getParentSpanId());
    }
}
