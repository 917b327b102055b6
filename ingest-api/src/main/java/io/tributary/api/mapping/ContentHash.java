package io.tributary.api.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The identity of a record without an id, and of a rejected input: the SHA-256 of its content. */
public final class ContentHash {
    private ContentHash() {}

    public static String of(JsonNode content) {
        return of(content.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static String of(byte[] content) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
