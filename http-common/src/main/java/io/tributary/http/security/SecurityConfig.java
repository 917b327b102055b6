package io.tributary.http.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;

/** Who may call a service's API. Bearer tokens are verified as configured by {@code mp.jwt.verify.*}. */
@ConfigMapping(prefix = "tributary.security")
public interface SecurityConfig {

    /**
     * Whether API requests must authenticate. Off only where a profile says so explicitly: the local stack's dev
     * profile. A service in any other profile refuses to start with it off.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * Machine credentials (CI jobs, scripts), by name. Each holds the SHA-256 of the key, never the key itself, and
     * its roles; they come from a Kubernetes Secret or the environment, never from application.properties.
     */
    Map<String, ApiKey> apiKeys();

    interface ApiKey {
        /** SHA-256 of the key as 64 hex digits, e.g. {@code printf %s "$KEY" | sha256sum}. */
        String sha256();

        /** Roles the key holds: viewer, operator or admin (each includes the ones before it). */
        List<String> roles();
    }
}
