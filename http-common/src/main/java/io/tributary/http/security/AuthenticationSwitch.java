package io.tributary.http.security;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether authentication is off. Only on purpose: asked for ({@code tributary.security.enabled=false}), in the dev
 * profile (the local stack) or a test, with the API listening on a loopback address only, so that nobody else can
 * reach an API that lets anonymous callers do everything. Anything else stops the service at start.
 */
@Singleton
public class AuthenticationSwitch {
    private static final List<String> PROFILES_THAT_MAY_SWITCH_IT_OFF = List.of("dev", "test");

    private final boolean off;

    AuthenticationSwitch(
            SecurityConfig config, @ConfigProperty(name = "quarkus.http.host", defaultValue = "0.0.0.0") String host) {
        this.off = !config.enabled() && allowedOff(host);
    }

    private static boolean allowedOff(String host) {
        List<String> profiles = ConfigUtils.getProfiles();
        if (profiles.stream().noneMatch(PROFILES_THAT_MAY_SWITCH_IT_OFF::contains)) {
            throw new IllegalStateException("tributary.security.enabled=false is honoured only in the dev profile"
                    + " (the local stack); the active profiles are " + profiles + ". Configure tokens"
                    + " (mp.jwt.verify.*) or API keys (tributary.security.api-keys.*) instead.");
        }
        if (!loopback(host)) {
            throw new IllegalStateException("tributary.security.enabled=false needs quarkus.http.host on a loopback"
                    + " address (127.0.0.1), so that nobody else reaches an API without authentication; it is '"
                    + host + "'.");
        }
        Log.warnf(
                "Authentication is OFF (tributary.security.enabled=false, profile %s, listening on %s): every"
                        + " request without credentials acts with every role.",
                profiles, host);
        return true;
    }

    private static boolean loopback(String host) {
        try {
            return "localhost".equals(host) || InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Decides at start, and checks the API keys then, rather than at the first request. */
    void onStart(@Observes StartupEvent start, ApiKeyIdentityProvider keys) {
        // Observing is enough: this bean and the key provider (which refuses bad keys) are created now.
    }

    public boolean off() {
        return off;
    }
}
