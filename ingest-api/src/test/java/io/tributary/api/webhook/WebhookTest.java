package io.tributary.api.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.tributary.api.UpstreamApi;
import io.tributary.contract.Topics;
import io.tributary.contract.dlq.DeadLetter;
import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.EventData;
import io.tributary.contract.json.Json;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.PostgresTestResource;
import io.tributary.devstack.testing.Records;
import io.tributary.devstack.testing.SharedInfrastructure;
import io.tributary.http.testing.PrometheusText;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Signed deliveries over real HTTP, real Kafka out; signatures computed here as the senders compute them. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(UpstreamApi.class)
class WebhookTest {
    private static final String PROBLEM = "application/problem+json";

    private final ConsumerTask<String, String> events =
            SharedInfrastructure.companion().consumeStrings().fromTopics(Topics.EVENTS);

    @Test
    void aGithubSignedArrayIsAcceptedOnceKafkaHasEveryRecord() {
        String repo = "repo-" + UUID.randomUUID();
        String body = "[{\"delivery\":\"d1\",\"repository\":{\"name\":\"" + repo + "\"},\"stars\":5},"
                + "{\"delivery\":\"d2\",\"repository\":{\"name\":\"" + repo + "-fork\"},\"stars\":9}]";
        post("hooks", body, Map.of("X-Hub-Signature-256", "sha256=" + hex(mac("HmacSHA256", "github-secret", body))))
                .statusCode(202)
                .body("published", equalTo(2));
        EventData data =
                Json.read(Records.await(events, "/api/hooks|" + repo, 1).get(0).value(), EventData.class);
        assertEquals(5.0, data.metrics().get("stars"));
        Records.await(events, "/api/hooks|" + repo + "-fork", 1);
    }

    @Test
    void aWrongOrMissingSignatureIs401WithoutSayingWhy() {
        String body = "{\"delivery\":\"x\",\"repository\":{\"name\":\"r\"}}";
        unauthorized(post(
                "hooks",
                body,
                Map.of("X-Hub-Signature-256", "sha256=" + hex(mac("HmacSHA256", "wrong-secret", body)))));
        unauthorized(post("hooks", body, Map.of()));
        unauthorized(post("hooks", body, Map.of("X-Hub-Signature-256", "sha256=not-hex")));
    }

    @Test
    void aStripeSignedDeliveryIsAcceptedOnceAndRefusedWhenReplayedOrStale() {
        String customer = "cus-" + UUID.randomUUID();
        String body = "{\"data\":{\"objects\":[{\"id\":\"evt_1\",\"customer\":\"" + customer + "\",\"amount\":1200}]}}";
        Map<String, String> signed =
                Map.of("Stripe-Signature", stripe(body, Instant.now().getEpochSecond()));
        post("payments", body, signed).statusCode(202).body("published", equalTo(1));
        Records.await(events, "/api/payments|" + customer, 1);

        post("payments", body, signed).statusCode(409).contentType(PROBLEM).body("type", endsWith("/webhook-replayed"));

        // While the sender rolls its secret it signs with both: one matching v1 is enough.
        String rolled = "{\"data\":{\"objects\":[{\"id\":\"evt_2\",\"customer\":\"" + customer + "-2\"}]}}";
        long now = Instant.now().getEpochSecond();
        String oldSecret = hex(mac("HmacSHA256", "whsec_old", now + "." + rolled));
        post(
                        "payments",
                        rolled,
                        Map.of(
                                "Stripe-Signature",
                                "t=" + now + ",v1=" + oldSecret + ","
                                        + stripe(rolled, now).split(",")[1]))
                .statusCode(202);

        long stale = Instant.now().minusSeconds(600).getEpochSecond();
        unauthorized(post("payments", body, Map.of("Stripe-Signature", stripe(body, stale))));
        unauthorized(post(
                "payments",
                body,
                Map.of("Stripe-Signature", "t=" + Instant.now().getEpochSecond() + ",v1=00")));
    }

    @Test
    void aRepeatedIdempotencyKeyIsAcceptedWithoutPublishingAgain() {
        String id = "dev-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String body = "{\"id\":\"" + id + "\",\"level\":0.4}";
        Map<String, String> headers = Map.of(
                "X-Signature-512",
                Base64.getEncoder().encodeToString(mac("HmacSHA512", UpstreamApi.TOKEN, body)),
                "Idempotency-Key",
                key);
        post("signed", body, headers)
                .statusCode(202)
                .body("published", equalTo(1))
                .body("repeated", equalTo(false));
        post("signed", body, headers)
                .statusCode(202)
                .body("published", equalTo(0))
                .body("repeated", equalTo(true));
        Records.await(events, "/api/signed|" + id, 1);
        assertEquals(
                1,
                events.getRecords().stream()
                        .filter(r -> ("/api/signed|" + id).equals(r.key()))
                        .count());
    }

    @Test
    void badBodiesAreProblemsAndTheUnreadableOneIsDeadLettered() {
        ConsumerTask<String, String> dlq =
                SharedInfrastructure.companion().consumeStrings().fromTopics(Topics.EVENTS_DLQ);
        String notJson = "{\"id\": " + UUID.randomUUID();
        post(
                        "payments",
                        notJson,
                        Map.of("Stripe-Signature", stripe(notJson, Instant.now().getEpochSecond())))
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", endsWith("/invalid-body"));
        Records.await(dlq, "/api/payments", 1);
        DeadLetter letter = dlq.getRecords().stream()
                .filter(r -> "/api/payments".equals(r.key()))
                .map(r -> Json.read(r.value(), DeadLetter.class))
                .filter(l -> notJson.equals(l.raw()))
                .findFirst()
                .orElseThrow();
        assertEquals(DeadLetterReason.MALFORMED_PAYLOAD, letter.reason());

        String large = "{\"data\":{\"objects\":[{\"pad\":\"" + "x".repeat(3000) + "\"}]}}";
        post(
                        "payments",
                        large,
                        Map.of("Stripe-Signature", stripe(large, Instant.now().getEpochSecond())))
                .statusCode(413)
                .contentType(PROBLEM);
        post("nowhere", "{}", Map.of()).statusCode(404).contentType(PROBLEM).body("type", endsWith("/not-found"));
    }

    @Test
    void metricsCountEachSourcesRecordsEventsAndDeadLettersByReason() {
        PrometheusText before = PrometheusText.scrape();
        String repo = "repo-" + UUID.randomUUID();
        String body = "[{\"delivery\":\"m1\",\"repository\":{\"name\":\"" + repo + "\"},\"stars\":1},"
                + "{\"delivery\":\"m2\",\"repository\":{\"name\":\"" + repo + "-fork\"},\"stars\":2}]";
        post("hooks", body, Map.of("X-Hub-Signature-256", "sha256=" + hex(mac("HmacSHA256", "github-secret", body))))
                .statusCode(202)
                .body("published", equalTo(2));
        String notJson = "{\"id\": " + UUID.randomUUID();
        post(
                        "payments",
                        notJson,
                        Map.of("Stripe-Signature", stripe(notJson, Instant.now().getEpochSecond())))
                .statusCode(400);

        Awaitility.await().atMost(Records.WAIT).untilAsserted(() -> {
            PrometheusText after = PrometheusText.scrape();
            assertEquals(2, after.increaseSince(before, "tributary_events_in_total", "source", "hooks"));
            assertEquals(2, after.increaseSince(before, "tributary_events_out_total", "source", "hooks"));
            assertEquals(0, after.increaseSince(before, "tributary_events_dlq_total", "source", "hooks"));
            assertEquals(1, after.increaseSince(before, "tributary_events_in_total", "source", "payments"));
            assertEquals(0, after.increaseSince(before, "tributary_events_out_total", "source", "payments"));
            assertEquals(
                    1,
                    after.increaseSince(
                            before, "tributary_events_dlq_total", "source", "payments", "reason", "MALFORMED_PAYLOAD"));
        });
        PrometheusText now = PrometheusText.scrape();
        // Registered for every reason up front: a reason with no letter yet reads 0, not absent.
        assertTrue(now.has("tributary_events_dlq_total", "source", "hooks", "reason", "NESTING_TOO_DEEP"));
        assertEquals(1.0, now.value("tributary_source_up", "source", "hooks", "kind", "http"));
    }

    @Test
    void theOpenApiDocumentDescribesTheWebhookAnswers() {
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths.'/webhooks/{source}'.post.responses.keySet()", hasItems("202", "401", "409", "413"));
    }

    private static void unauthorized(ValidatableResponse response) {
        response.statusCode(401)
                .contentType(PROBLEM)
                .body("type", endsWith("/invalid-signature"))
                .body("detail", nullValue());
    }

    /**
     * A webhook is open to whoever signs it: credentials meant for the API that a sender happens to carry are not
     * checked (authentication runs only where an endpoint needs an identity, not proactively).
     */
    @Test
    void aSignedDeliveryIsTakenWhateverApiCredentialsItCarries() {
        String body =
                "{\"delivery\":\"d-cred\",\"repository\":{\"name\":\"repo-" + UUID.randomUUID() + "\"},\"stars\":1}";
        post(
                        "hooks",
                        body,
                        Map.of(
                                "X-Hub-Signature-256",
                                "sha256=" + hex(mac("HmacSHA256", "github-secret", body)),
                                "X-API-Key",
                                "trb_junk",
                                "Authorization",
                                "Bearer not.a.token"))
                .statusCode(202);
    }

    private static ValidatableResponse post(String source, String body, Map<String, String> headers) {
        return given().contentType("application/json")
                .headers(headers)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/webhooks/" + source)
                .then();
    }

    private static String stripe(String body, long timestamp) {
        return "t=" + timestamp + ",v1=" + hex(mac("HmacSHA256", "whsec_test", timestamp + "." + body));
    }

    private static byte[] mac(String algorithm, String secret, String content) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
