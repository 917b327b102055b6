package io.tributary.api.webhook;

import io.smallrye.mutiny.Uni;
import io.tributary.api.source.Secrets;
import io.tributary.api.source.WebhookConfig;
import io.tributary.api.source.WebhookConfig.SignatureEncoding;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Checks a delivery's signature as its source's scheme says. A valid delivery yields the key it is remembered by
 * for replay protection (the signature itself: a new delivery, even of the same body, is signed anew by Stripe's
 * timestamped scheme; a resent GitHub delivery is the same delivery). Anything wrong is {@link BadSignature}, whose
 * reason is logged and never told to the sender.
 */
@ApplicationScoped
public class SignatureVerifier {
    private static final String STRIPE_ALGORITHM = "HmacSHA256";

    private final Secrets secrets;

    public SignatureVerifier(Secrets secrets) {
        this.secrets = secrets;
    }

    /** The replay key of a validly signed delivery; empty for unsigned sources. */
    public Uni<Optional<String>> verify(WebhookConfig config, UnaryOperator<String> headers, byte[] body, Instant now) {
        if (config.signature() == WebhookConfig.SignatureScheme.NONE) {
            return Uni.createFrom().item(Optional.empty());
        }
        String header = config.header().orElseGet(() -> defaultHeader(config.signature()));
        String signature = headers.apply(header);
        if (signature == null || signature.isBlank()) {
            return Uni.createFrom().failure(new BadSignature("no " + header + " header"));
        }
        String reference = config.secret()
                .orElseThrow(() ->
                        new IllegalStateException("webhook signature " + config.signature() + " needs webhook.secret"));
        return secrets.resolve(reference).map(secret -> Optional.of(check(config, signature, secret, body, now)));
    }

    private static String check(WebhookConfig config, String signature, String secret, byte[] body, Instant now) {
        switch (config.signature()) {
            case GITHUB:
                return hmac(signature, "sha256=", "HmacSHA256", false, secret, body);
            case STRIPE:
                return stripe(signature, secret, body, now, config.tolerance());
            default:
                return hmac(
                        signature,
                        config.prefix().orElse(""),
                        config.algorithm(),
                        config.encoding() == SignatureEncoding.BASE64,
                        secret,
                        body);
        }
    }

    private static String hmac(
            String signature, String prefix, String algorithm, boolean base64, String secret, byte[] body) {
        if (!signature.startsWith(prefix)) {
            throw new BadSignature("the signature does not start with '" + prefix + "'");
        }
        if (!Hmac.matches(Hmac.of(algorithm, secret, body), signature.substring(prefix.length()), base64)) {
            throw new BadSignature("the signature does not match the body");
        }
        return "signature:" + signature.strip();
    }

    /** {@code t=<unix seconds>,v1=<hex>[,v1=<hex>…]}: several v1 while the sender rolls its secret. */
    private static String stripe(String header, String secret, byte[] body, Instant now, Duration tolerance) {
        String timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                timestamp = pair[1];
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                signatures.add(pair[1]);
            }
        }
        if (timestamp == null || !timestamp.matches("\\d{1,12}") || signatures.isEmpty()) {
            throw new BadSignature("the header lacks t= or v1=");
        }
        String signedTime = timestamp;
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(signedTime));
        if (Duration.between(signedAt, now).abs().compareTo(tolerance) > 0) {
            throw new BadSignature("signed at " + signedAt + ", outside the tolerance of " + tolerance);
        }
        byte[] expected = Hmac.of(STRIPE_ALGORITHM, secret, (signedTime + ".").getBytes(StandardCharsets.UTF_8), body);
        return signatures.stream()
                .filter(signature -> Hmac.matches(expected, signature, false))
                .findFirst()
                .map(signature -> "signature:t=" + signedTime + ",v1=" + signature)
                .orElseThrow(() -> new BadSignature("no v1 signature matches the body"));
    }

    private static String defaultHeader(WebhookConfig.SignatureScheme scheme) {
        switch (scheme) {
            case GITHUB:
                return "X-Hub-Signature-256";
            case STRIPE:
                return "Stripe-Signature";
            default:
                return "X-Signature";
        }
    }

    /** A delivery whose signature is missing, malformed, stale or wrong. */
    public static final class BadSignature extends RuntimeException {
        BadSignature(String reason) {
            super(reason, null, false, false);
        }
    }
}
