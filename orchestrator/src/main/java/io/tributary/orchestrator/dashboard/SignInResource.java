package io.tributary.orchestrator.dashboard;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.smallrye.mutiny.Uni;
import io.tributary.http.security.DashboardSession;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/** Signing in to the dashboard with an API key (signing out: {@link DashboardPages#signOut}). */
@Path("/ui/login")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class SignInResource {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String next, String error);
    }

    private final IdentityProviderManager identities;

    SignInResource(IdentityProviderManager identities) {
        this.identities = identities;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance form(@RestQuery String next) {
        return Templates.login(local(next), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<Response> signIn(@RestForm String key, @RestForm String next, @Context UriInfo uri) {
        boolean secure = secure(uri);
        if (key == null || key.isBlank()) {
            return refused(next, "Enter an API key.");
        }
        return DashboardSession.signIn(identities, key.strip())
                .map(identity -> Response.seeOther(URI.create(local(next)))
                        .cookie(DashboardSession.cookie(key.strip(), secure))
                        .build())
                .onFailure(AuthenticationFailedException.class)
                .recoverWithUni(() -> refused(next, "This API key is not valid."));
    }

    static boolean secure(UriInfo uri) {
        return "https".equals(uri.getRequestUri().getScheme());
    }

    private static Uni<Response> refused(String next, String error) {
        return Templates.login(local(next), error)
                .createUni()
                .map(html -> Response.status(Response.Status.UNAUTHORIZED)
                        .type(MediaType.TEXT_HTML_TYPE)
                        .entity(html)
                        .build());
    }

    /** Only a path on this site: a sign-in link must not send the browser elsewhere afterwards. */
    private static String local(String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\") ? next : "/";
    }
}
