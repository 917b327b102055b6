package io.tributary.http.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeyIdentityProviderTest {
    private static final String KEY = "trb_ci_0123456789abcdef0123456789abcdef";

    @Test
    void aConfiguredKeyActsAsItsNameWithItsRoles() {
        SecurityIdentity identity = provider(Map.of("ci", key(ApiKeyIdentityProvider.sha256Hex(KEY), "operator")))
                .authenticate(new ApiKeyRequest(KEY), null)
                .await()
                .indefinitely();
        assertEquals("api-key:ci", identity.getPrincipal().getName());
        assertTrue(identity.hasRole("operator"));
    }

    @Test
    void anUnknownKeyIsRefused() {
        ApiKeyIdentityProvider provider = provider(Map.of("ci", key(ApiKeyIdentityProvider.sha256Hex(KEY), "admin")));
        assertThrows(
                AuthenticationFailedException.class,
                () -> provider.authenticate(new ApiKeyRequest(KEY + "x"), null)
                        .await()
                        .indefinitely());
    }

    @Test
    void aMisconfiguredKeyStopsTheServiceNamingTheKeyButNotItsDigest() {
        IllegalStateException digest = assertThrows(
                IllegalStateException.class, () -> provider(Map.of("ci", key("not-a-digest-abc", "viewer"))));
        assertTrue(digest.getMessage().contains("tributary.security.api-keys.ci.sha256"));
        assertFalse(digest.getMessage().contains("not-a-digest-abc"));
        IllegalStateException role = assertThrows(
                IllegalStateException.class,
                () -> provider(Map.of("ci", key(ApiKeyIdentityProvider.sha256Hex(KEY), "root"))));
        assertTrue(role.getMessage().contains("'root'"), role.getMessage());
    }

    private static ApiKeyIdentityProvider provider(Map<String, SecurityConfig.ApiKey> keys) {
        return new ApiKeyIdentityProvider(new SecurityConfig() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public Map<String, ApiKey> apiKeys() {
                return keys;
            }
        });
    }

    private static SecurityConfig.ApiKey key(String sha256, String role) {
        return new SecurityConfig.ApiKey() {
            @Override
            public String sha256() {
                return sha256;
            }

            @Override
            public List<String> roles() {
                return List.of(role);
            }
        };
    }
}
