package io.tributary.http.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A service as in production: authentication on, trusting {@link TestCredentials}. */
public class SecuredProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return TestCredentials.serviceConfig();
    }
}
