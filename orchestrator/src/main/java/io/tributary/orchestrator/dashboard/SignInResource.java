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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.regex.Pattern;
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

    private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[^\\s\\p{Cntrl}]*");

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
    public Uni<Response> signIn(
            @RestForm String key, @RestForm String next, @Context UriInfo uri, @Context HttpHeaders headers) {
        boolean secure = secure(uri, headers);
        if (key == null || key.isBlank()) {
            return refused(next, "Enter an API key.");
        }
        return DashboardSession.signIn(identities, key.strip())
                .map(identity -> seeOther(local(next))
                        .cookie(DashboardSession.cookie(key.strip(), secure))
                        .build())
                .onFailure(AuthenticationFailedException.class)
                .recoverWithUni(() -> refused(next, "This API key is not valid."));
    }

    /**
     * Whether the browser reached the page over HTTPS, here or at a proxy in front (the chart's ingress ends TLS): the
     * session cookie is then never sent over plain HTTP. Trusting the header can only make the cookie stricter.
     */
    static boolean secure(UriInfo uri, HttpHeaders headers) {
        return "https".equals(uri.getRequestUri().getScheme())
                || "https".equalsIgnoreCase(headers.getHeaderString("X-Forwarded-Proto"));
    }

    /**
     * A redirect to a path of this site, as the path: JAX-RS would make a relative location absolute with the scheme
     * it sees, which behind a proxy ending TLS is http.
     */
    static Response.ResponseBuilder seeOther(String path) {
        return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, path);
    }

    private static Uni<Response> refused(String next, String error) {
        return Templates.login(local(next), error)
                .createUni()
                .map(html -> Response.status(Response.Status.UNAUTHORIZED)
                        .type(MediaType.TEXT_HTML_TYPE)
                        .entity(html)
                        .build());
    }

    /**
     * Only a path on this site: a sign-in link must not send the browser elsewhere afterwards ({@code //host},
     * {@code /\\host}), nor put anything but a path in the header.
     */
    private static String local(String next) {
        return next != null && LOCAL_PATH.matcher(next).matches() ? next : "/";
    }
}
