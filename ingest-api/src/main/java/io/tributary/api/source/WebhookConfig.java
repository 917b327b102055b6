package io.tributary.api.source;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Webhooks pushed to {@code POST /webhooks/<name>}, and how their signature is checked. */
public interface WebhookConfig {
    /** The signature scheme; required ({@code none} accepts unsigned deliveries). */
    SignatureScheme signature();

    /** The HMAC key: {@code file:<path>}, {@code env:<VARIABLE>} or the value itself; required unless {@code none}. */
    Optional<String> secret();

    /**
     * The header holding the signature; absent: {@code X-Hub-Signature-256} ({@code github}), {@code Stripe-Signature}
     * ({@code stripe}), {@code X-Signature} ({@code hmac}).
     */
    Optional<String> header();

    /** The {@code javax.crypto.Mac} algorithm of {@code hmac} (e.g. {@code HmacSHA1}, {@code HmacSHA512}). */
    @WithDefault("HmacSHA256")
    String algorithm();

    /** How {@code hmac} writes the signature. */
    @WithDefault("hex")
    SignatureEncoding encoding();

    /** Text before the signature in the header of {@code hmac} (e.g. {@code sha1=}); absent: none. */
    Optional<String> prefix();

    /** How far a {@code stripe} signature's timestamp may be from now, either way; older deliveries are refused. */
    @WithDefault("PT5M")
    Duration tolerance();

    /** Largest body accepted, in bytes; a larger delivery is refused with 413. */
    @WithDefault("1048576")
    int maxBodyBytes();

    /** Signature schemes. */
    enum SignatureScheme {
        /** Unsigned: for senders inside the cluster only. */
        NONE,
        /** HMAC of the body in {@code header}, with {@code algorithm}, {@code encoding} and {@code prefix}. */
        HMAC,
        /** GitHub's {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>}. */
        GITHUB,
        /**
         * Stripe's {@code Stripe-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "t.body">}, the time within
         * {@code tolerance}.
         */
        STRIPE
    }

    /** Encodings of a signature. */
    enum SignatureEncoding {
        /** Lower- or upper-case hexadecimal. */
        HEX,
        /** Standard base64. */
        BASE64
    }
}
