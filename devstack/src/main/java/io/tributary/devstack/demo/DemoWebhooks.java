package io.tributary.devstack.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * A shop's till system pushing its sales to ingest-api's webhook every few seconds, signed as Stripe signs its
 * events ({@code Stripe-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "t.body">}); a delivery that is not
 * accepted is sent again, as webhook senders do.
 */
public final class DemoWebhooks implements AutoCloseable {
    /** The ingest-api source (and its configuration) that receives these webhooks. */
    public static final String SOURCE = "sales";
    /** The shared signing secret; a demo's, written here on purpose. */
    public static final String SECRET = "whsec_tributary_demo";

    private static final Logger LOG = Logger.getLogger(DemoWebhooks.class);
    private static final List<String> STORES = List.of("store-oslo", "store-bergen");

    private final URI endpoint;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Random random = new Random();
    // Sale ids stay unique across restarts of the stack: ingest-api remembers the ids it published.
    private final long run = Instant.now().getEpochSecond();
    private String pending;
    private long sales;

    public DemoWebhooks(String ingestApiUrl) {
        this.endpoint = URI.create(ingestApiUrl + "/webhooks/" + SOURCE);
        scheduler.scheduleWithFixedDelay(this::deliver, 1, 3, TimeUnit.SECONDS);
    }

    private void deliver() {
        if (pending == null) {
            pending = nextSales();
        }
        long now = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("Stripe-Signature", "t=" + now + ",v1=" + sign(now + "." + pending))
                .POST(HttpRequest.BodyPublishers.ofString(pending))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 202) {
                pending = null;
            } else {
                LOG.warnf("Demo webhook answered %d %s; sending again", response.statusCode(), response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debugf("Demo webhook not delivered (ingest-api restarting?): %s", e.getMessage());
        }
    }

    private String nextSales() {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < STORES.size(); i++) {
            body.append(i == 0 ? "" : ",")
                    .append(String.format(
                            Locale.ROOT,
                            "{\"id\":\"sale-%d-%d\",\"store\":\"%s\",\"amount\":%.2f,\"items\":%d,\"ts\":\"%s\"}",
                            run,
                            ++sales,
                            STORES.get(i),
                            5 + random.nextDouble() * 95,
                            1 + random.nextInt(6),
                            Instant.now()));
        }
        return body.append("]").toString();
    }

    private static String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
