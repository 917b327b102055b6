package io.tributary.api.poll;

import io.smallrye.mutiny.Uni;
import io.tributary.api.source.AuthConfig;
import io.tributary.api.source.PollConfig;
import io.tributary.api.source.Secrets;
import io.tributary.api.state.SourceState;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/**
 * Sends one page request of a source through the Vert.x web client, which takes any URL a page links to and shows
 * every response header (validators, {@code Link}, {@code Retry-After}); non-blocking, so a slow API holds only
 * its own poll.
 */
@ApplicationScoped
public class PageFetcher {
    private final WebClient client;
    private final Secrets secrets;

    public PageFetcher(Vertx vertx, Secrets secrets) {
        this.client = WebClient.create(
                vertx,
                new WebClientOptions()
                        .setUserAgent("tributary-ingest-api")
                        .setFollowRedirects(true)
                        .setTryUseCompression(true));
        this.secrets = secrets;
    }

    /**
     * @param validators the stored ETag / Last-Modified to send as conditions (first page of a poll), else empty
     * @param variables the poll's template variables, for the request body
     */
    public Uni<Page> fetch(PollConfig config, String url, SourceState validators, Map<String, String> variables) {
        HttpRequest<Buffer> request = client.requestAbs(HttpMethod.valueOf(config.method()), url)
                .timeout(config.timeout().toMillis());
        config.headers().forEach(request::putHeader);
        validators.etag().ifPresent(etag -> request.putHeader("If-None-Match", etag));
        validators.lastModified().ifPresent(date -> request.putHeader("If-Modified-Since", date));
        return authenticate(config.auth(), request)
                .flatMap(ready -> config.body()
                        .map(body -> ready.putHeader("Content-Type", "application/json")
                                .sendBuffer(Buffer.buffer(UrlTemplate.render(body, variables, false))))
                        .orElseGet(ready::send))
                .map(response -> new Page(
                        url,
                        response.statusCode(),
                        response.headers(),
                        Optional.ofNullable(response.bodyAsString()).orElse("")));
    }

    private Uni<HttpRequest<Buffer>> authenticate(AuthConfig auth, HttpRequest<Buffer> request) {
        if (auth.type() == AuthConfig.AuthType.NONE) {
            return Uni.createFrom().item(request);
        }
        String reference = auth.secret()
                .orElseThrow(() -> new IllegalStateException("auth type " + auth.type() + " needs auth.secret"));
        return secrets.resolve(reference).map(secret -> {
            switch (auth.type()) {
                case BEARER:
                    return request.bearerTokenAuthentication(secret);
                case API_KEY_HEADER:
                    return request.putHeader(auth.name(), secret);
                case API_KEY_QUERY:
                    return request.addQueryParam(auth.name(), secret);
                default:
                    return request.basicAuthentication(auth.username().orElse(""), secret);
            }
        });
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
