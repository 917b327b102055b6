package io.tributary.analytics.access;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.http.security.Roles;
import io.tributary.http.testing.AccessMatrix;
import io.tributary.http.testing.SecuredProfile;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Analytics' read API as deployed, authentication on: a viewer's, by token and by API key; 401 without. */
@QuarkusTest
@TestProfile(SecuredProfile.class)
@QuarkusTestResource(KafkaTestResource.class)
class ApiAccessTest {

    @Test
    void everyEndpointWantsItsRole() {
        AccessMatrix matrix = new AccessMatrix()
                .get("/series", "/series", Roles.VIEWER, 200)
                .get("/series/{key}", "/series/no-such-series", Roles.VIEWER, 404)
                .get("/results", "/results", Roles.VIEWER, 200);
        matrix.verify();
        matrix.coversEveryOperation(Set.of());
    }
}
