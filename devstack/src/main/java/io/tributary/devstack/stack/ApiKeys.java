package io.tributary.devstack.stack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * API keys as the services take them: the caller sends the key in {@value #HEADER}, the service is configured with
 * its SHA-256 only (see http-common's {@code ApiKeyIdentityProvider}).
 */
public final class ApiKeys {
    public static final String HEADER = "X-API-Key";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {}

    /** 256 random bits, with a readable prefix that says what the key is for. */
    public static String generate(String purpose) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "trb_" + purpose + "_" + HexFormat.of().formatHex(bytes);
    }

    public static String sha256(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
