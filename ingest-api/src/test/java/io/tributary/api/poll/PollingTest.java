package io.tributary.api.poll;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
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
import io.tributary.http.testing.Management;
import io.tributary.http.testing.PrometheusText;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Real HTTP APIs (WireMock) polled by the declared sources, real Kafka out, state in the real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(UpstreamApi.class)
class PollingTest {
    private final ConsumerTask<String, String> events =
            SharedInfrastructure.companion().consumeStrings().fromTopics(Topics.EVENTS);

    @Test
    void cursorPagesAreFollowedWithTheBearerTokenAndTheETagMakesTheNextPollFree() {
        EventData oslo = data(Records.await(events, "/api/cursor|oslo", 1).get(0));
        assertEquals(3.5, oslo.metrics().get("temp"));
        Records.await(events, "/api/cursor|bergen", 1);
        Records.await(events, "/api/cursor|tromso", 1);

        Awaitility.await().atMost(Records.WAIT).until(() -> status("cursor").getInt("notModified") >= 2);
        List<LoggedRequest> requests = UpstreamApi.requests("/cursor/readings");
        assertTrue(requests.stream().anyMatch(r -> "\"v1\"".equals(r.getHeader("If-None-Match"))));
        assertTrue(
                requests.stream().allMatch(r -> ("Bearer " + UpstreamApi.TOKEN).equals(r.getHeader("Authorization"))));
        // Each reading once, though the first page was read again after the ETag changed nothing.
        assertEquals(1, count("/api/cursor|oslo"));
        assertEquals("OK", status("cursor").getString("state"));
    }

    @Test
    void nextLinksInTheBodyAreFollowedWithTheApiKeyHeaderAndConfiguredMetrics() {
        EventData pump = data(Records.await(events, "/api/linked|pump-1", 1).get(0));
        assertEquals(Map.of("power", 3.5), pump.metrics());
        assertEquals(
                Map.of("power", 4.0),
                data(Records.await(events, "/api/linked|pump-2", 1).get(0)).metrics());
        ConsumerTask<String, String> dlq =
                SharedInfrastructure.companion().consumeStrings().fromTopics(Topics.EVENTS_DLQ);
        DeadLetter wrongType =
                Json.read(Records.await(dlq, "/api/linked", 1).get(0).value(), DeadLetter.class);
        assertEquals(DeadLetterReason.NON_NUMERIC_VALUE, wrongType.reason());
        assertTrue(wrongType.raw().contains("pump-3"), wrongType.raw());
    }

    @Test
    void aSourceSlowerThanItsTimeoutFailsAloneWhileTheOthersArePolled() {
        Awaitility.await()
                .atMost(Records.WAIT)
                .until(() -> "REQUEST_FAILED".equals(status("slow").getString("lastError.reason")));
        String detail = status("slow").getString("lastError.detail");
        assertTrue(detail.contains("timeout"), detail);
        Instant from = UpstreamApi.requests("/slow").get(0).getLoggedDate().toInstant();
        // While the slow source waited for its answer, another source, polled every second, went on.
        long others = UpstreamApi.requests("/cursor/readings").stream()
                .map(r -> r.getLoggedDate().toInstant())
                .filter(at -> at.isAfter(from) && at.isBefore(from.plusSeconds(3)))
                .count();
        assertTrue(others >= 2, others + " polls of another source while the slow one waited");
    }

    @Test
    void linkHeaderPagesAreFollowedWithBasicAuthAndLastModifiedMakesTheNextPollFree() {
        Records.await(events, "/api/github|tributary", 1);
        Records.await(events, "/api/github|quarkus", 1);
        Awaitility.await().atMost(Records.WAIT).until(() -> status("github").getInt("notModified") >= 1);
        assertTrue(UpstreamApi.requests("/github/events").stream()
                .anyMatch(r -> UpstreamApi.LAST_MODIFIED.equals(r.getHeader("If-Modified-Since"))));
    }

    @Test
    void numberedPagesAreReadUntilAnEmptyOneWithTheApiKeyInTheQueryAndRateLimited() {
        Records.await(events, "/api/paged|a", 1);
        Records.await(events, "/api/paged|b", 1);
        Records.await(events, "/api/paged|c", 1);
        Awaitility.await()
                .atMost(Records.WAIT)
                .until(() -> UpstreamApi.requests("/paged/items").size() >= 6);
        List<LoggedRequest> requests = UpstreamApi.requests("/paged/items");
        assertTrue(requests.get(0).getUrl().contains("page=1"), requests.get(0).getUrl());
        assertTrue(requests.get(2).getUrl().contains("page=3"), requests.get(2).getUrl());
        // At most 4 requests per second: sent 250 ms apart. Arrivals (logged in milliseconds) also carry each
        // request's own latency, hence the slack; the first is left out, since its connection setup delays its
        // arrival (seen: 113 ms before the second's on a busy machine).
        for (int i = 2; i < requests.size(); i++) {
            long gap = millisBetween(requests.get(i - 1), requests.get(i));
            assertTrue(gap >= 150, "requests " + (i - 1) + " and " + i + " were " + gap + " ms apart");
        }
        long span = millisBetween(requests.get(1), requests.get(requests.size() - 1));
        assertTrue(
                span >= (requests.size() - 2) * 250L - 100,
                requests.size() - 1 + " requests after the first in " + span + " ms");
        assertEquals(1, count("/api/paged|a"));
    }

    @Test
    void aPollStoppedAtMaxPagesIsContinuedByTheNextOnesAndOnlyThenMovesTheWatermark() {
        Awaitility.await()
                .atMost(Records.WAIT)
                .until(() -> UpstreamApi.requests("/bounded").size() >= 4);
        List<LoggedRequest> requests = UpstreamApi.requests("/bounded");
        String since = requests.get(0).queryParameter("since").firstValue();
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    Integer.toString(i + 1),
                    requests.get(i).queryParameter("page").firstValue());
            assertEquals(since, requests.get(i).queryParameter("since").firstValue(), "one poll over three pages");
        }
        assertEquals("1", requests.get(3).queryParameter("page").firstValue());
        assertTrue(
                Instant.parse(requests.get(3).queryParameter("since").firstValue())
                        .isAfter(Instant.parse(since)),
                "the watermark moved once the last page was read");
        Records.await(events, "/api/bounded|b2", 1);
        assertEquals(1, count("/api/bounded|b1"));
    }

    @Test
    void anApiQueriedByPostGetsItsTemplatedBodyAndHeaders() {
        Records.await(events, "/api/queried|q1", 1);
        String body = UpstreamApi.requests("/query").get(0).getBodyAsString();
        long since = Long.parseLong(body.replaceAll(".*\"since\": (\\d+).*", "$1"));
        // The first poll reaches back first-since (1 h) from its start, written in epoch seconds.
        long hourAgo = Instant.now().minus(Duration.ofHours(1)).getEpochSecond();
        assertTrue(Math.abs(since - hourAgo) < 120, body);
    }

    @Test
    void aCronScheduleIsFollowed() {
        Records.await(events, "/api/cronned|c1", 1);
        Awaitility.await()
                .atMost(Records.WAIT)
                .until(() -> UpstreamApi.requests("/cronned").size() >= 3);
        List<LoggedRequest> requests = UpstreamApi.requests("/cronned");
        // The scheduler checks its triggers once a second: each poll is within a second of its even second.
        long span = millisBetween(requests.get(0), requests.get(requests.size() - 1));
        long expected = (requests.size() - 1) * 2000L;
        assertTrue(Math.abs(span - expected) <= 1000, requests.size() + " polls in " + span + " ms, not every 2 s");
    }

    @Test
    void a429IsRetriedNoSoonerThanItsRetryAfter() {
        Records.await(events, "/api/throttled|t1", 1);
        List<LoggedRequest> requests = UpstreamApi.requests("/throttled");
        assertTrue(millisBetween(requests.get(0), requests.get(1)) >= 2900, "retried before Retry-After: 3");
    }

    @Test
    void serverErrorsAndResetConnectionsBackOffExponentially() {
        Records.await(events, "/api/flaky|f1", 1);
        List<LoggedRequest> requests = UpstreamApi.requests("/flaky");
        // initial 1 s, no jitter: 1 s, 2 s, 4 s after the first, second and third failure.
        assertTrue(millisBetween(requests.get(0), requests.get(1)) >= 950);
        assertTrue(millisBetween(requests.get(1), requests.get(2)) >= 1950);
        assertTrue(millisBetween(requests.get(2), requests.get(3)) >= 3950);
        Awaitility.await().atMost(Records.WAIT).until(() -> status("flaky").getInt("consecutiveFailures") == 0);
    }

    @Test
    void aResponseThatIsNotJsonIsDeadLetteredOnceWhileTheServiceStaysReady() {
        ConsumerTask<String, String> dlq =
                SharedInfrastructure.companion().consumeStrings().fromTopics(Topics.EVENTS_DLQ);
        DeadLetter letter =
                Json.read(Records.await(dlq, "/api/broken", 1).get(0).value(), DeadLetter.class);
        assertEquals(DeadLetterReason.MALFORMED_PAYLOAD, letter.reason());
        assertEquals("<html>oops</html>", letter.raw());
        assertTrue(letter.origin().endsWith("/broken"), letter.origin());

        Awaitility.await()
                .atMost(Records.WAIT)
                .until(() -> UpstreamApi.requests("/broken").size() >= 3);
        JsonPath broken = status("broken");
        assertEquals("FAILING", broken.getString("state"));
        assertEquals("MALFORMED_PAYLOAD", broken.getString("lastError.reason"));
        assertTrue(broken.getString("nextPoll") != null);
        given().get(Management.url("/q/health/ready")).then().statusCode(200).body("status", equalTo("UP"));
        assertEquals(
                1,
                dlq.getRecords().stream()
                        .filter(r -> "/api/broken".equals(r.key()))
                        .count(),
                "the same body is dead-lettered once");
        PrometheusText metrics = PrometheusText.scrape();
        assertTrue(metrics.has("tributary_source_up", "source", "broken", "kind", "http"));
        assertEquals(0.0, metrics.value("tributary_source_up", "source", "broken", "kind", "http"));
        assertEquals(
                1.0, metrics.value("tributary_events_dlq_total", "source", "broken", "reason", "MALFORMED_PAYLOAD"));
        assertEquals(0.0, metrics.value("tributary_events_out_total", "source", "broken"));
    }

    @Test
    void badRecordsAreDeadLetteredWithTheirReasonAndGoodOnesPublished() {
        ConsumerTask<String, String> dlq =
                SharedInfrastructure.companion().consumeStrings().fromTopics(Topics.EVENTS_DLQ);
        Records.await(events, "/api/mixed|m1", 1);
        Awaitility.await()
                .atMost(Records.WAIT)
                .until(() -> reasons(dlq, "/api/mixed")
                        .containsAll(List.of(DeadLetterReason.INVALID_FIELD, DeadLetterReason.NON_FINITE_VALUE)));
        DeadLetter missingSubject = dlq.getRecords().stream()
                .filter(r -> "/api/mixed".equals(r.key()))
                .map(r -> Json.read(r.value(), DeadLetter.class))
                .filter(l -> l.reason() == DeadLetterReason.INVALID_FIELD)
                .findFirst()
                .orElseThrow();
        assertEquals("{\"v\":2}", missingSubject.raw());
        Map<?, ?> letters = status("mixed").getMap("deadLetters");
        assertEquals(1, letters.get("INVALID_FIELD"));
    }

    private static List<DeadLetterReason> reasons(ConsumerTask<String, String> dlq, String key) {
        return dlq.getRecords().stream()
                .filter(r -> key.equals(r.key()))
                .map(r -> Json.read(r.value(), DeadLetter.class).reason())
                .toList();
    }

    private long count(String key) {
        return events.getRecords().stream().filter(r -> key.equals(r.key())).count();
    }

    static JsonPath status(String name) {
        List<Map<String, Object>> sources = given().get("/sources")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        Map<String, Object> source = sources.stream()
                .filter(s -> name.equals(s.get("name")))
                .findFirst()
                .orElseThrow();
        return new JsonPath(Json.write(source));
    }

    private static EventData data(ConsumerRecord<String, String> record) {
        return Json.read(record.value(), EventData.class);
    }

    private static long millisBetween(LoggedRequest first, LoggedRequest second) {
        return Duration.between(
                        first.getLoggedDate().toInstant(),
                        second.getLoggedDate().toInstant())
                .toMillis();
    }
}
