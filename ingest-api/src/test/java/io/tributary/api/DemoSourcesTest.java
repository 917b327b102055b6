package io.tributary.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.tributary.contract.Topics;
import io.tributary.devstack.demo.DemoWebhooks;
import io.tributary.devstack.demo.WeatherFeed;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.PostgresTestResource;
import io.tributary.devstack.testing.Records;
import io.tributary.devstack.testing.SharedInfrastructure;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The local stack's demo sources with the stack's own configuration: the cursor and ETag feed, signed webhooks. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(UpstreamApi.class)
@QuarkusTestResource(DemoSources.class)
class DemoSourcesTest {
    private final ConsumerTask<String, String> events =
            SharedInfrastructure.companion().consumeStrings().fromTopics(Topics.EVENTS);

    @Test
    void theDemoWeatherApiIsReadPageByPageAndAskedAgainWithItsETag() {
        for (String station : List.of("oslo", "bergen", "tromso", "stavanger", "trondheim")) {
            Records.await(events, "/api/" + WeatherFeed.SOURCE + "|" + station, 1);
        }
        Awaitility.await().atMost(Records.WAIT).until(() -> number(WeatherFeed.SOURCE, "notModified") >= 1);
    }

    @Test
    void theDemoTillSystemsSignedSalesAreAccepted() {
        try (DemoWebhooks sender = new DemoWebhooks("http://localhost:" + RestAssured.port)) {
            Records.await(events, "/api/" + DemoWebhooks.SOURCE + "|store-oslo", 1);
            Records.await(events, "/api/" + DemoWebhooks.SOURCE + "|store-bergen", 1);
            Awaitility.await().atMost(Records.WAIT).until(() -> number(DemoWebhooks.SOURCE, "webhookDeliveries") >= 1);
            given().get("/sources")
                    .then()
                    .body("find { it.name == '" + DemoWebhooks.SOURCE + "' }.state", equalTo("OK"));
        }
    }

    private static int number(String source, String field) {
        List<Map<String, Object>> sources =
                given().get("/sources").then().extract().jsonPath().getList("$");
        return sources.stream()
                .filter(s -> source.equals(s.get("name")))
                .map(s -> ((Number) s.get(field)).intValue())
                .findFirst()
                .orElseThrow();
    }
}
