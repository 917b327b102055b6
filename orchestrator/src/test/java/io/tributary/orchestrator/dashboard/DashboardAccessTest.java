package io.tributary.orchestrator.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.PostgresTestResource;
import io.tributary.http.security.ApiKeyAuthenticationMechanism;
import io.tributary.http.security.DashboardSession;
import io.tributary.http.security.Roles;
import io.tributary.http.testing.SecuredProfile;
import io.tributary.http.testing.TestCredentials;
import io.tributary.orchestrator.tasktype.TaskTypesFixture;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The dashboard with authentication on: a page opened without credentials sends the browser to sign in; signing in
 * with an API key sets a session cookie that scripts cannot read and other sites do not send; the API takes the
 * cookie in place of the key, with the same roles, and takes a change only with the dashboard's own header.
 */
@QuarkusTest
@TestProfile(SecuredProfile.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class DashboardAccessTest {

    @Test
    void aPageOpenedWithoutCredentialsSendsTheBrowserToSignInAndBack() {
        given().redirects()
                .follow(false)
                .get("/ui/runs?state=FAILED")
                .then()
                .statusCode(303)
                .header("Location", containsString("/ui/login?next=%2Fui%2Fruns%3Fstate%3DFAILED"));
        given().get("/ui/login?next=/ui/runs").then().statusCode(200).body(containsString("name=\"key\""));
    }

    @Test
    void aWrongKeySignsNobodyIn() {
        given().redirects()
                .follow(false)
                .contentType(ContentType.URLENC)
                .formParam("key", "not-a-key")
                .formParam("next", "/")
                .post("/ui/login")
                .then()
                .statusCode(401)
                .body(containsString("This API key is not valid."))
                .header("Set-Cookie", nullValue());
    }

    @Test
    void theSessionCookieCarriesTheKeysRolesAndNothingMore() {
        Response signedIn = signIn(TestCredentials.apiKey(Roles.VIEWER), "/ui/runs");
        assertEquals(303, signedIn.statusCode());
        assertTrue(signedIn.header("Location").endsWith("/ui/runs"), signedIn.header("Location"));
        String cookie = signedIn.header("Set-Cookie");
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        String session = signedIn.cookie(DashboardSession.COOKIE);

        given().cookie(DashboardSession.COOKIE, session)
                .get("/ui/runs")
                .then()
                .statusCode(200)
                .body(containsString("data-operator=\"false\""))
                .body(containsString("Sign out"));
        given().cookie(DashboardSession.COOKIE, session).get("/runs").then().statusCode(200);
        given().cookie(DashboardSession.COOKIE, session)
                .get("/dashboard/overview")
                .then()
                .statusCode(200);
        // A viewer may not cancel, whatever the way the request came.
        given().cookie(DashboardSession.COOKIE, session)
                .header(DashboardSession.HEADER, "1")
                .post("/runs/{id}/cancel", UUID.randomUUID())
                .then()
                .statusCode(403);
    }

    @Test
    void aChangeByCookieNeedsTheDashboardsHeader() {
        String run = aRun();
        String session = signIn(TestCredentials.apiKey(Roles.OPERATOR), "/").cookie(DashboardSession.COOKIE);

        // A form on another site could send the cookie (where a browser ignores SameSite) but not this header.
        given().cookie(DashboardSession.COOKIE, session)
                .post("/runs/{id}/cancel", run)
                .then()
                .statusCode(401);
        given().cookie(DashboardSession.COOKIE, session)
                .header(DashboardSession.HEADER, "1")
                .post("/runs/{id}/cancel", run)
                .then()
                .statusCode(202);
    }

    @Test
    void signingOutDropsTheCookie() {
        given().redirects()
                .follow(false)
                .post("/ui/logout")
                .then()
                .statusCode(303)
                .header("Location", containsString("/ui/login"))
                .header("Set-Cookie", containsString("Max-Age=0"));
    }

    @Test
    void aSignInLinkNeverLeadsOffTheSite() {
        for (String next : new String[] {"//evil.example/x", "/\\evil.example/x", "https://evil.example/", "/a\tb"}) {
            assertEquals("/", signIn(TestCredentials.apiKey(Roles.VIEWER), next).header("Location"), next);
        }
    }

    /** Behind the chart's ingress, which ends TLS: the cookie is Secure, and the redirects keep the browser on https. */
    @Test
    void behindAProxyEndingTlsTheCookieIsSecureAndRedirectsStayRelative() {
        Response signedIn = given().redirects()
                .follow(false)
                .header("X-Forwarded-Proto", "https")
                .contentType(ContentType.URLENC)
                .formParam("key", TestCredentials.apiKey(Roles.VIEWER))
                .formParam("next", "/ui/runs")
                .post("/ui/login");
        assertEquals("/ui/runs", signedIn.header("Location"));
        assertTrue(signedIn.header("Set-Cookie").contains("Secure"), signedIn.header("Set-Cookie"));
        assertTrue(!signIn(TestCredentials.apiKey(Roles.VIEWER), "/")
                .header("Set-Cookie")
                .contains("Secure"));
    }

    /** A session whose key was revoked: the page signs the browser out and asks it to sign in, not a dead end. */
    @Test
    void aPageWithAStaleSessionSignsOutAndAsksToSignIn() {
        given().redirects()
                .follow(false)
                .cookie(DashboardSession.COOKIE, "a-key-revoked-since")
                .get("/ui/flows")
                .then()
                .statusCode(303)
                .header("Location", equalTo("/ui/login?next=%2Fui%2Fflows"))
                .header("Set-Cookie", containsString("Max-Age=0"));
        // The API answers its usual problem, which the page's script turns into the same sign-in.
        given().cookie(DashboardSession.COOKIE, "a-key-revoked-since")
                .get("/runs")
                .then()
                .statusCode(401);
    }

    private static Response signIn(String key, String next) {
        return given().redirects()
                .follow(false)
                .contentType(ContentType.URLENC)
                .formParam("key", key)
                .formParam("next", next)
                .post("/ui/login");
    }

    private static String aRun() {
        String admin = TestCredentials.apiKey(Roles.ADMIN);
        RestAssured.requestSpecification = new RequestSpecBuilder()
                .addHeader(ApiKeyAuthenticationMechanism.HEADER, admin)
                .build();
        try {
            TaskTypesFixture.ensurePublished();
        } finally {
            RestAssured.requestSpecification = null;
        }
        String flow = "dash-access-" + UUID.randomUUID();
        given().header(ApiKeyAuthenticationMechanism.HEADER, admin)
                .contentType(ContentType.JSON)
                .body("{\"name\": \"" + flow + "\", \"tasks\": [{\"name\": \"stats\", \"type\": \"window-stats\","
                        + " \"parameters\": {\"metric\": \"temperature\"}}]}")
                .put("/flows/{name}", flow)
                .then()
                .statusCode(201);
        return given().header(ApiKeyAuthenticationMechanism.HEADER, admin)
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/flows/{name}/runs", flow)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
