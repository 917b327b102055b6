package io.tributary.http.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.tributary.devstack.testing.CapturedLogs;
import io.tributary.http.security.ApiKeyAuthenticationMechanism;
import io.tributary.http.security.Roles;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Who may call what, checked against a running service (with {@link SecuredProfile}): every endpoint answers 401 to
 * no credentials, a token of another key or issuer, an expired token and an unknown API key; 403 to a token without
 * roles and to each role below the one it needs; and its
 * normal answer to that role and every role above it, by token and by API key alike. No answer, and nothing logged
 * meanwhile, holds a key, a token or another secret the test names.
 */
public final class AccessMatrix {
    private final List<Endpoint> endpoints = new ArrayList<>();
    private final Set<String> otherSecrets = new HashSet<>();

    /**
     * @param template the path as the OpenAPI document names it ({@code /runs/{id}})
     * @param path a concrete path to call
     * @param body JSON body, or null
     * @param role the least role the endpoint needs
     * @param allowed the statuses a caller with that role may get (e.g. 201, or 404 for an id that does not exist)
     */
    public record Endpoint(
            String method, String template, String path, String body, String role, Set<Integer> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    public AccessMatrix get(String template, String path, String role, Integer... allowed) {
        return add("GET", template, path, null, role, allowed);
    }

    public AccessMatrix add(String method, String template, String path, String body, String role, Integer... allowed) {
        endpoints.add(new Endpoint(method, template, path, body, role, Set.of(allowed)));
        return this;
    }

    /** Secrets of the service's own configuration (webhook keys, passwords) that must not show either. */
    public AccessMatrix secrets(Collection<String> secrets) {
        otherSecrets.addAll(secrets);
        return this;
    }

    public void verify() {
        try (CapturedLogs logs = CapturedLogs.everything()) {
            endpoints.forEach(this::verify);
            String logged = logs.text();
            for (String secret : secrets()) {
                assertFalse(logged.contains(secret), "a secret was logged (" + secret.length() + " characters)");
            }
        }
    }

    private void verify(Endpoint endpoint) {
        unauthenticated(endpoint, spec -> spec);
        unauthenticated(endpoint, spec -> bearer(spec, TestCredentials.tokenOfAnotherKey(Roles.ADMIN)));
        unauthenticated(endpoint, spec -> bearer(spec, TestCredentials.tokenOfAnotherIssuer(Roles.ADMIN)));
        unauthenticated(endpoint, spec -> bearer(spec, TestCredentials.expiredToken(Roles.ADMIN)));
        unauthenticated(endpoint, spec -> spec.header(ApiKeyAuthenticationMechanism.HEADER, "trb_unknown"));
        forbidden(endpoint, "a token without roles", call(endpoint, spec -> bearer(spec, TestCredentials.token())));
        int needed = Roles.ALL.indexOf(endpoint.role());
        for (int i = 0; i < Roles.ALL.size(); i++) {
            String role = Roles.ALL.get(i);
            for (Function<String, UnaryOperator<RequestSpecification>> credential : credentials()) {
                Response response = call(endpoint, credential.apply(role));
                String as = endpoint + " as " + role;
                if (i < needed) {
                    forbidden(endpoint, role, response);
                } else {
                    assertTrue(
                            endpoint.allowed().contains(response.statusCode()),
                            as + " answered " + response.statusCode() + ", expected one of " + endpoint.allowed() + ": "
                                    + response.asString());
                }
            }
        }
    }

    /**
     * Every operation of the service's OpenAPI document is in this matrix or named as checked elsewhere (e.g. open
     * webhooks), so a new endpoint cannot go unchecked.
     */
    public void coversEveryOperation(Set<String> checkedElsewhere) {
        JsonPath openapi = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Map<String, Object>> paths = openapi.getMap("paths");
        Set<String> missing = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().forEach(method -> {
            String operation = method.toUpperCase() + " " + path;
            boolean covered = endpoints.stream().anyMatch(e -> (e.method() + " " + e.template()).equals(operation));
            if (!covered && !checkedElsewhere.contains(operation)) {
                missing.add(operation);
            }
        }));
        assertTrue(missing.isEmpty(), "Operations without an access check: " + missing);
    }

    private static List<Function<String, UnaryOperator<RequestSpecification>>> credentials() {
        return List.of(
                role -> spec -> bearer(spec, TestCredentials.token(role)),
                role -> spec -> spec.header(ApiKeyAuthenticationMechanism.HEADER, TestCredentials.apiKey(role)));
    }

    private static void forbidden(Endpoint endpoint, String caller, Response response) {
        String as = endpoint + " as " + caller;
        assertEquals(403, response.statusCode(), as + ": " + response.asString());
        assertEquals("application/problem+json", response.contentType(), as);
        response.then().body("type", endsWith("/forbidden"));
    }

    private void unauthenticated(Endpoint endpoint, UnaryOperator<RequestSpecification> credential) {
        call(endpoint, credential)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", notNullValue())
                .body("type", endsWith("/unauthorized"));
    }

    private static RequestSpecification bearer(RequestSpecification spec, String token) {
        return spec.header("Authorization", "Bearer " + token);
    }

    private Response call(Endpoint endpoint, UnaryOperator<RequestSpecification> credential) {
        RequestSpecification spec = credential.apply(given());
        if (endpoint.body() != null) {
            spec = spec.contentType(ContentType.JSON).body(endpoint.body());
        }
        Response response = spec.request(endpoint.method(), endpoint.path());
        String answer = response.getHeaders() + "\n" + response.asString();
        for (String secret : secrets()) {
            assertFalse(answer.contains(secret), endpoint + " answered with a secret: " + answer);
        }
        return response;
    }

    private Set<String> secrets() {
        Set<String> secrets = new HashSet<>(TestCredentials.secrets());
        secrets.addAll(otherSecrets);
        return secrets;
    }
}
