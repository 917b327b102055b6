package io.tributary.iot.payload;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What identifies a reading, for its deterministic event id. A reading stamped by the device is the device's metric(s)
 * at that time, so a redelivery, even of a payload re-serialized differently, keeps its id. A reading without a
 * device time (a plain number, a JSON object without its time field, a SenML relative time) has no identity of its
 * own: its time of receipt is part of it, so that a sensor repeating the same value is not taken for a duplicate; a
 * redelivery of such a reading after a reconnect therefore gets a new id.
 */
public final class Identities {
    private Identities() {}

    public static String stamped(String... parts) {
        return String.join("\n", parts);
    }

    public static String unstamped(Incoming incoming, int index) {
        return String.join(
                "\n", incoming.topic(), incoming.receivedAt().toString(), sha256Hex(incoming.payload()), "#" + index);
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
