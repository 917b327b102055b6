package io.tributary.http.security;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;

/** Authentication is switched off only on purpose: in the dev profile (the local stack) or a test. */
@Singleton
public class SecurityStartupCheck {
    private static final List<String> PROFILES_THAT_MAY_SWITCH_IT_OFF = List.of("dev", "test");

    void onStart(@Observes StartupEvent start, SecurityConfig config) {
        if (config.enabled()) {
            return;
        }
        List<String> profiles = ConfigUtils.getProfiles();
        if (profiles.stream().noneMatch(PROFILES_THAT_MAY_SWITCH_IT_OFF::contains)) {
            throw new IllegalStateException("tributary.security.enabled=false is honoured only in the dev profile"
                    + " (the local stack); the active profiles are " + profiles + ". Configure tokens"
                    + " (mp.jwt.verify.*) or API keys (tributary.security.api-keys.*) instead.");
        }
        Log.warnf(
                "Authentication is OFF (tributary.security.enabled=false, profile %s): every request without"
                        + " credentials acts with every role. Never run this way where others can reach the port.",
                profiles);
    }
}
