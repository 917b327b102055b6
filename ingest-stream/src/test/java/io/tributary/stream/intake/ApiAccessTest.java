package io.tributary.stream.intake;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tributary.http.security.Roles;
import io.tributary.http.testing.AccessMatrix;
import io.tributary.http.testing.ConfiguredSecrets;
import io.tributary.http.testing.SecuredProfile;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * ingest-stream's status API as deployed, authentication on; the upstream brokers' credentials never show in an
 * answer or the log.
 */
@QuarkusTest
@TestProfile(SecuredProfile.class)
@UpstreamBrokers
class ApiAccessTest {

    @Test
    void everyEndpointWantsItsRole() {
        AccessMatrix matrix = new AccessMatrix()
                .get("/sources", "/sources", Roles.VIEWER, 200)
                .secrets(ConfiguredSecrets.values());
        matrix.verify();
        matrix.coversEveryOperation(Set.of());
    }
}
