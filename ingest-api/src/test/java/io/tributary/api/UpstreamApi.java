package io.tributary.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The upstream APIs of the test sources, on a real HTTP server (WireMock), stubbed before the service starts: the
 * sources poll from their first second. Also writes the token file that the {@code file:} secrets read.
 */
public class UpstreamApi implements QuarkusTestResourceLifecycleManager {
    public static final String TOKEN = "test-token";
    public static final String LAST_MODIFIED = "Wed, 21 Oct 2026 07:28:00 GMT";
    private static WireMockServer server;
    private Path tokenFile;

    public static WireMockServer server() {
        return server;
    }

    /** The requests the server received on the path, oldest first. */
    public static List<LoggedRequest> requests(String path) {
        return server.getAllServeEvents().stream()
                .map(event -> event.getRequest())
                .filter(request -> request.getUrl().startsWith(path))
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
    }

    @Override
    public Map<String, String> start() {
        try {
            tokenFile = Files.createTempFile("ingest-api-token", ".txt");
            Files.writeString(tokenFile, TOKEN + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        stubCursor();
        stubLinked();
        stubGithub();
        stubPaged();
        stubFailures();
        server.stubFor(get(urlPathEqualTo("/broken"))
                .willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<html>oops</html>")));
        server.stubFor(get(urlPathEqualTo("/mixed"))
                .willReturn(okJson("[{\"id\":\"m1\",\"v\":1},{\"v\":2},{\"id\":\"m3\",\"v\":1e400}]")));
        String[] bounded = {"[{\"id\":\"b1\"}]", "[{\"id\":\"b2\"}]", "[]"};
        for (int page = 1; page <= bounded.length; page++) {
            server.stubFor(get(urlPathEqualTo("/bounded"))
                    .withQueryParam("page", equalTo(Integer.toString(page)))
                    .willReturn(okJson(bounded[page - 1])));
        }
        server.stubFor(post(urlPathEqualTo("/query"))
                .withHeader("X-Tenant", equalTo("acme"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.since", matching("\\d{10}")))
                .willReturn(okJson("{\"data\":{\"readings\":[{\"id\":\"q1\",\"v\":1}]}}")));
        server.stubFor(get(urlPathEqualTo("/cronned")).willReturn(okJson("[{\"id\":\"c1\",\"v\":1}]")));
        server.stubFor(get(urlPathEqualTo("/slow")).willReturn(okJson("[]").withFixedDelay(3000)));
        server.stubFor(get(urlPathEqualTo("/since")).willReturn(okJson("[{\"id\":\"s1\",\"v\":1}]")));
        return Map.of("test.api.url", server.baseUrl(), "test.api.token-file", tokenFile.toString());
    }

    private static void stubCursor() {
        server.stubFor(get(urlPathEqualTo("/cursor/readings"))
                .atPriority(9)
                .willReturn(aResponse().withStatus(401)));
        server.stubFor(get(urlPathEqualTo("/cursor/readings"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withQueryParam("cursor", absent())
                .withHeader("If-None-Match", absent())
                .willReturn(okJson("{\"items\":["
                                + "{\"id\":\"r1\",\"station\":\"oslo\",\"temp\":3.5,\"ts\":\"2026-02-01T08:00:00Z\"},"
                                + "{\"id\":\"r2\",\"station\":\"bergen\",\"temp\":6,\"ts\":\"2026-02-01T08:00:00Z\"}],"
                                + "\"next_cursor\":\"c2\"}")
                        .withHeader("ETag", "\"v1\"")));
        server.stubFor(get(urlPathEqualTo("/cursor/readings"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("If-None-Match", equalTo("\"v1\""))
                .willReturn(aResponse().withStatus(304)));
        server.stubFor(get(urlPathEqualTo("/cursor/readings"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withQueryParam("cursor", equalTo("c2"))
                .willReturn(okJson("{\"items\":[{\"id\":\"r3\",\"station\":\"tromso\",\"temp\":-2,"
                        + "\"ts\":\"2026-02-01T08:00:00Z\"}],\"next_cursor\":null}")));
    }

    private static void stubLinked() {
        server.stubFor(get(urlPathEqualTo("/linked/data"))
                .atPriority(9)
                .willReturn(aResponse().withStatus(403)));
        server.stubFor(get(urlPathEqualTo("/linked/data"))
                .withHeader("X-Api-Key", equalTo("header-key"))
                .withQueryParam("after", absent())
                .willReturn(okJson("{\"data\":[{\"id\":\"l1\",\"device\":{\"name\":\"pump-1\"},"
                        + "\"readings\":{\"power\":3.5}}],\"links\":{\"next\":\"/linked/data?after=l1\"}}")));
        server.stubFor(get(urlPathEqualTo("/linked/data"))
                .withHeader("X-Api-Key", equalTo("header-key"))
                .withQueryParam("after", equalTo("l1"))
                .willReturn(okJson("{\"data\":[{\"id\":\"l2\",\"device\":{\"name\":\"pump-2\"},"
                        + "\"readings\":{\"power\":4}},{\"id\":\"l3\",\"device\":{\"name\":\"pump-3\"},"
                        + "\"readings\":{\"power\":\"high\"}}],\"links\":{\"next\":null}}")));
    }

    private static void stubGithub() {
        server.stubFor(get(urlPathEqualTo("/github/events"))
                .atPriority(9)
                .willReturn(aResponse().withStatus(401)));
        server.stubFor(get(urlPathEqualTo("/github/events"))
                .withBasicAuth("octo", "cat")
                .withQueryParam("page", absent())
                .withHeader("If-Modified-Since", absent())
                .willReturn(okJson("[{\"id\":1,\"repo\":\"tributary\"}]")
                        .withHeader(
                                "Link", "</github/events?page=2>; rel=\"next\", </github/events?page=2>; rel=\"last\"")
                        .withHeader("Last-Modified", LAST_MODIFIED)));
        server.stubFor(get(urlPathEqualTo("/github/events"))
                .withBasicAuth("octo", "cat")
                .withHeader("If-Modified-Since", equalTo(LAST_MODIFIED))
                .willReturn(aResponse().withStatus(304)));
        server.stubFor(get(urlPathEqualTo("/github/events"))
                .withBasicAuth("octo", "cat")
                .withQueryParam("page", equalTo("2"))
                .willReturn(okJson("[{\"id\":2,\"repo\":\"quarkus\"}]")
                        .withHeader("Link", "</github/events?page=1>; rel=\"prev first\"")));
    }

    private static void stubPaged() {
        server.stubFor(get(urlPathEqualTo("/paged/items"))
                .atPriority(9)
                .willReturn(aResponse().withStatus(401)));
        String[] pages = {
            "[{\"id\":\"p1\",\"sku\":\"a\"},{\"id\":\"p2\",\"sku\":\"b\"}]", "[{\"id\":\"p3\",\"sku\":\"c\"}]", "[]"
        };
        for (int page = 1; page <= pages.length; page++) {
            server.stubFor(get(urlPathEqualTo("/paged/items"))
                    .withQueryParam("api_key", equalTo("query-key"))
                    .withQueryParam("size", equalTo("2"))
                    .withQueryParam("page", equalTo(Integer.toString(page)))
                    .willReturn(okJson(pages[page - 1])));
        }
    }

    /** 429 with Retry-After then success; two 503s and a reset connection then success. */
    private static void stubFailures() {
        server.stubFor(get(urlPathEqualTo("/throttled"))
                .inScenario("throttled")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3"))
                .willSetStateTo("open"));
        server.stubFor(get(urlPathEqualTo("/throttled"))
                .inScenario("throttled")
                .whenScenarioStateIs("open")
                .willReturn(okJson("[{\"id\":\"t1\",\"v\":1}]")));
        String[] states = {Scenario.STARTED, "second", "third"};
        for (int i = 0; i < states.length; i++) {
            server.stubFor(get(urlPathEqualTo("/flaky"))
                    .inScenario("flaky")
                    .whenScenarioStateIs(states[i])
                    .willReturn(
                            i == 1
                                    ? aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)
                                    : aResponse().withStatus(503))
                    .willSetStateTo(i + 1 < states.length ? states[i + 1] : "up"));
        }
        server.stubFor(get(urlPathEqualTo("/flaky"))
                .inScenario("flaky")
                .whenScenarioStateIs("up")
                .willReturn(okJson("[{\"id\":\"f1\",\"v\":1}]")));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
        try {
            Files.deleteIfExists(tokenFile);
        } catch (IOException e) {
            // A temporary file: the OS cleans it up.
        }
    }
}
