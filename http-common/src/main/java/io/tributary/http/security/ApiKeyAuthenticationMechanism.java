package io.tributary.http.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Reads an API key from {@value #HEADER}, else from a dashboard's session cookie ({@link DashboardSession}). With
 * authentication switched off (the local stack only), a request that carries no credentials at all acts as a local
 * user with every role; one that carries credentials still has them checked, so a bad key or token is refused there
 * too.
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {
    public static final String HEADER = "X-API-Key";
    public static final String CHALLENGE = "ApiKey header=\"" + HEADER + "\"";

    private static final SecurityIdentity LOCAL = QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal("local (authentication off)"))
            .addRoles(Set.copyOf(Roles.ALL))
            .build();

    private final AuthenticationSwitch authentication;

    ApiKeyAuthenticationMechanism(AuthenticationSwitch authentication) {
        this.authentication = authentication;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String key = context.request().getHeader(HEADER);
        if (key != null) {
            return identities.authenticate(
                    HttpSecurityUtils.setRoutingContextAttribute(new ApiKeyRequest(key), context));
        }
        if (context.request().getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return Uni.createFrom().nullItem();
        }
        if (authentication.off()) {
            return Uni.createFrom().item(LOCAL);
        }
        Cookie session = context.request().getCookie(DashboardSession.COOKIE);
        if (session != null
                && !session.getValue().isEmpty()
                && DashboardSession.mayUse(
                        context.request().method().name(), context.request().getHeader(DashboardSession.HEADER))) {
            return identities.authenticate(
                    HttpSecurityUtils.setRoutingContextAttribute(new ApiKeyRequest(session.getValue()), context));
        }
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", CHALLENGE));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.OTHER_HEADER, HEADER));
    }
}
