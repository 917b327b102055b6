package io.tributary.api.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMACs through {@code javax.crypto.Mac}, compared in constant time. */
final class Hmac {
    private Hmac() {}

    static byte[] of(String algorithm, String secret, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC algorithm " + algorithm + " is not available: " + e.getMessage(), e);
        }
    }

    /** Whether the signature, as written, is the expected MAC; the comparison takes the same time wherever they differ. */
    static boolean matches(byte[] expected, String signature, boolean base64) {
        return decode(signature, base64)
                .map(given -> MessageDigest.isEqual(expected, given))
                .orElse(false);
    }

    private static Optional<byte[]> decode(String signature, boolean base64) {
        try {
            return Optional.of(
                    base64
                            ? Base64.getDecoder().decode(signature.strip())
                            : HexFormat.of().parseHex(signature.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
