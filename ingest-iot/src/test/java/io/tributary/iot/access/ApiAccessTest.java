package io.tributary.iot.access;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.MqttTestResource;
import io.tributary.http.security.Roles;
import io.tributary.http.testing.AccessMatrix;
import io.tributary.http.testing.ConfiguredSecrets;
import io.tributary.http.testing.SecuredProfile;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** ingest-iot's device API as deployed, authentication on; the broker's credentials never show. */
@QuarkusTest
@TestProfile(SecuredProfile.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MqttTestResource.class)
class ApiAccessTest {

    @Test
    void everyEndpointWantsItsRole() {
        AccessMatrix matrix = new AccessMatrix()
                .get("/devices", "/devices", Roles.VIEWER, 200)
                .get("/devices", "/devices?silentFor=PT5M", Roles.VIEWER, 200)
                .secrets(ConfiguredSecrets.values());
        matrix.verify();
        matrix.coversEveryOperation(Set.of());
    }
}
