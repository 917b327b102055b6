package io.tributary.api.poll;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.tributary.api.UpstreamApi;
import io.tributary.api.intake.RecordIntake;
import io.tributary.api.mapping.BodyReader;
import io.tributary.api.mapping.RecordMapper;
import io.tributary.api.source.ApiConfig;
import io.tributary.api.source.Source;
import io.tributary.api.source.SourceConfig;
import io.tributary.api.state.SourceStateStore;
import io.tributary.api.status.SourceActivity;
import io.tributary.contract.Topics;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.PostgresTestResource;
import io.tributary.devstack.testing.Records;
import io.tributary.devstack.testing.SharedInfrastructure;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A replica that starts after another one polled a source: a new poller with nothing in memory, another lease holder
 * name, everything it knows read back from PostgreSQL.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(UpstreamApi.class)
class RestartTest {
    @Inject
    ApiConfig config;

    @Inject
    SourceStateStore states;

    @Inject
    PageFetcher fetcher;

    @Inject
    RecordIntake intake;

    @Inject
    BodyReader bodies;

    @Test
    void theNextReplicaTakesTheLeaseOverAndGoesOnFromTheStoredWatermarkWithoutRepublishing() {
        ConsumerTask<String, String> events =
                SharedInfrastructure.companion().consumeStrings().fromTopics(Topics.EVENTS);
        // The service polled "since" once at start (its schedule is hourly) and published s1.
        Records.await(events, "/api/since|s1", 1);
        LoggedRequest first = UpstreamApi.requests("/since").get(0);
        String firstStart = first.queryParameter("until").firstValue();

        UpstreamApi.server()
                .stubFor(get(urlPathEqualTo("/since"))
                        .willReturn(okJson("[{\"id\":\"s1\",\"v\":1},{\"id\":\"s2\",\"v\":2}]")));
        SourceConfig sourceConfig = config.sources().get("since");
        Source fresh = new Source(
                "since",
                sourceConfig,
                new RecordMapper("since", sourceConfig),
                new SourceActivity("since", "/api/since", true, false));
        SourcePoller restarted = new SourcePoller(
                fresh,
                sourceConfig.poll().orElseThrow(),
                new PollServices(states, fetcher, intake, bodies, "restarted-replica", Duration.ofSeconds(3)));

        // The first replica's lease (3 s in tests) is not renewed by an hourly schedule: it expires, and is taken.
        Awaitility.await()
                .atMost(Records.WAIT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    restarted.poll().await().atMost(Duration.ofSeconds(10));
                    return "HELD".equals(fresh.activity().status().lease());
                });

        Records.await(events, "/api/since|s2", 1);
        List<LoggedRequest> requests = UpstreamApi.requests("/since");
        assertEquals(2, requests.size(), "one poll before the restart, one after");
        assertEquals(firstStart, requests.get(1).queryParameter("updated_since").firstValue());
        assertEquals("OK", fresh.activity().status().state());
        assertEquals(1, fresh.activity().status().events());
        assertEquals(1, fresh.activity().status().duplicates());
        assertEquals(
                1,
                events.getRecords().stream()
                        .filter(r -> "/api/since|s1".equals(r.key()))
                        .count());
    }
}
