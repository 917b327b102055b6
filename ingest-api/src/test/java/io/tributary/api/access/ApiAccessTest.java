package io.tributary.api.access;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tributary.api.UpstreamApi;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.PostgresTestResource;
import io.tributary.http.security.Roles;
import io.tributary.http.testing.AccessMatrix;
import io.tributary.http.testing.ConfiguredSecrets;
import io.tributary.http.testing.SecuredProfile;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * ingest-api as deployed, authentication on: sources are read by a viewer and polled on demand by an operator;
 * webhooks stay open to their senders, who sign them (WebhookTest). No answer or log line holds a polled API's
 * credentials, a webhook key, an API key or a token.
 */
@QuarkusTest
@TestProfile(SecuredProfile.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(UpstreamApi.class)
class ApiAccessTest {

    @Test
    void everyEndpointWantsItsRole() {
        AccessMatrix matrix = new AccessMatrix()
                .get("/sources", "/sources", Roles.VIEWER, 200)
                .add("POST", "/sources/{name}/poll", "/sources/cursor/poll", null, Roles.OPERATOR, 200)
                .add("POST", "/sources/{name}/poll", "/sources/no-such-source/poll", null, Roles.OPERATOR, 404)
                .secrets(ConfiguredSecrets.values());
        matrix.verify();
        matrix.coversEveryOperation(Set.of("POST /webhooks/{source}"));
    }
}
