package io.tributary.orchestrator.dashboard;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.tributary.contract.run.StateType;
import io.tributary.http.security.DashboardSession;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The dashboard's pages, under {@code /ui} (the overview at {@code /} too): frames that their scripts fill from the API and keep live over SSE. A page holds no data
 * itself, so each is open to everyone; one opened without credentials while authentication is on sends the browser
 * to sign in first.
 */
@Path("/ui")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class DashboardPages {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(Page page);

        static native TemplateInstance flows(Page page);

        static native TemplateInstance flow(Page page, String name);

        static native TemplateInstance runs(Page page, StateType[] states);

        static native TemplateInstance run(Page page, UUID id);

        static native TemplateInstance series(Page page);

        static native TemplateInstance events(Page page);
    }

    private final CurrentIdentityAssociation identity;

    DashboardPages(CurrentIdentityAssociation identity) {
        this.identity = identity;
    }

    /** Also at {@code /}: see {@link DashboardHome}. */
    @GET
    @Operation(hidden = true)
    public Uni<Response> overview(@Context UriInfo uri, @Context HttpHeaders headers) {
        return page(uri, headers, "overview", Templates::overview);
    }

    @GET
    @Path("/flows")
    @Operation(hidden = true)
    public Uni<Response> flows(@Context UriInfo uri, @Context HttpHeaders headers) {
        return page(uri, headers, "flows", Templates::flows);
    }

    @GET
    @Path("/flows/{name}")
    @Operation(hidden = true)
    public Uni<Response> flow(@RestPath String name, @Context UriInfo uri, @Context HttpHeaders headers) {
        return page(uri, headers, "flows", page -> Templates.flow(page, name));
    }

    @GET
    @Path("/runs")
    @Operation(hidden = true)
    public Uni<Response> runs(@Context UriInfo uri, @Context HttpHeaders headers) {
        return page(uri, headers, "runs", page -> Templates.runs(page, StateType.values()));
    }

    @GET
    @Path("/runs/{id}")
    @Operation(hidden = true)
    public Uni<Response> run(@RestPath UUID id, @Context UriInfo uri, @Context HttpHeaders headers) {
        return page(uri, headers, "runs", page -> Templates.run(page, id));
    }

    @GET
    @Path("/series")
    @Operation(hidden = true)
    public Uni<Response> series(@Context UriInfo uri, @Context HttpHeaders headers) {
        return page(uri, headers, "series", Templates::series);
    }

    @GET
    @Path("/events")
    @Operation(hidden = true)
    public Uni<Response> events(@Context UriInfo uri, @Context HttpHeaders headers) {
        return page(uri, headers, "events", Templates::events);
    }

    @POST
    @Path("/logout")
    @Operation(hidden = true)
    public Response signOut(@Context UriInfo uri, @Context HttpHeaders headers) {
        return SignInResource.seeOther("/ui/login")
                .cookie(DashboardSession.signedOut(SignInResource.secure(uri, headers)))
                .build();
    }

    private Uni<Response> page(
            UriInfo uri, HttpHeaders headers, String active, Function<Page, TemplateInstance> template) {
        boolean signedIn = headers.getCookies().containsKey(DashboardSession.COOKIE);
        return identity.getDeferredIdentity()
                .flatMap(who -> {
                    if (who.isAnonymous()) {
                        return Uni.createFrom().item(signIn(uri).build());
                    }
                    return template.apply(Page.of(active, who, signedIn))
                            .createUni()
                            .map(html ->
                                    Response.ok(html, MediaType.TEXT_HTML_TYPE).build());
                })
                // A session whose key was revoked or rotated: signed out, and asked to sign in again.
                .onFailure(AuthenticationFailedException.class)
                .recoverWithItem(() -> signIn(uri)
                        .cookie(DashboardSession.signedOut(SignInResource.secure(uri, headers)))
                        .build());
    }

    private static Response.ResponseBuilder signIn(UriInfo uri) {
        String next = uri.getRequestUri().getRawPath()
                + (uri.getRequestUri().getRawQuery() == null
                        ? ""
                        : "?" + uri.getRequestUri().getRawQuery());
        return SignInResource.seeOther("/ui/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
    }
}
