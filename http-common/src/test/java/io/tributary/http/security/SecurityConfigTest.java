package io.tributary.http.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** API keys arrive as environment variables from a Kubernetes Secret (the chart's security.apiKeysSecret). */
class SecurityConfigTest {
    private static final String DIGEST = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Test
    void apiKeysAreReadFromTheEnvironmentByTheirDocumentedNames() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(
                        Map.of(
                                "TRIBUTARY_SECURITY_API_KEYS_CI_SHA256",
                                DIGEST,
                                "TRIBUTARY_SECURITY_API_KEYS_CI_ROLES",
                                "operator",
                                "TRIBUTARY_SECURITY_API_KEYS_NIGHTLY_SHA256",
                                DIGEST,
                                "TRIBUTARY_SECURITY_API_KEYS_NIGHTLY_ROLES",
                                "viewer,admin"),
                        300))
                .withMapping(SecurityConfig.class)
                .build();
        SecurityConfig security = config.getConfigMapping(SecurityConfig.class);
        assertTrue(security.enabled());
        assertEquals(DIGEST, security.apiKeys().get("ci").sha256());
        assertEquals(List.of("operator"), security.apiKeys().get("ci").roles());
        assertEquals(
                List.of("viewer", "admin"), security.apiKeys().get("nightly").roles());
    }
}
