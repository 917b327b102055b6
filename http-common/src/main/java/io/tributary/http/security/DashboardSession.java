package io.tributary.http.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.NewCookie;
import java.util.Set;

/**
 * A browser's session with a web dashboard: the API key it signed in with, in a cookie that scripts cannot read
 * ({@code HttpOnly}) and that no other site's page sends ({@code SameSite=Strict}). {@link ApiKeyAuthenticationMechanism}
 * reads it where a request carries no credentials of its own; a request that changes something must also carry
 * {@value #HEADER}, which only the dashboard's own scripts send (a second guard against cross-site requests, for
 * browsers that ignore SameSite).
 */
public final class DashboardSession {
    public static final String COOKIE = "tributary-key";
    public static final String HEADER = "X-Tributary-Dashboard";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private DashboardSession() {}

    /** Checks a key as the API would; fails as the API's authentication fails. */
    public static Uni<SecurityIdentity> signIn(IdentityProviderManager identities, String key) {
        return identities.authenticate(new ApiKeyRequest(key));
    }

    /** @param secure whether the page was served over HTTPS: the cookie then never travels over plain HTTP */
    public static NewCookie cookie(String key, boolean secure) {
        return new NewCookie.Builder(COOKIE)
                .value(key)
                .path("/")
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }

    /** Replaces the session's cookie with one the browser drops at once. */
    public static NewCookie signedOut(boolean secure) {
        return new NewCookie.Builder(COOKIE)
                .value("")
                .path("/")
                .maxAge(0)
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }

    /** Whether a request with the cookie may act on it: a read, or a change the dashboard's script sent. */
    static boolean mayUse(String method, String header) {
        return SAFE_METHODS.contains(method) || header != null;
    }
}
