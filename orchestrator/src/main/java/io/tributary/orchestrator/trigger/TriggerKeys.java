package io.tributary.orchestrator.trigger;

import io.tributary.contract.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A stateful trigger's identity: a hash of its spec, so that its state (a schedule's timer, a threshold's counts)
 * carries over the flow's versions while the trigger is unchanged, and a changed trigger starts afresh.
 */
public final class TriggerKeys {
    private TriggerKeys() {}

    public static String of(TriggerSpec trigger) {
        return hash(Json.write(trigger));
    }

    /**
     * The id of the event a firing's run carries: the kind, the trigger, the group and an instant that tells the
     * group's firings apart, so that each firing starts one run however often it is seen.
     */
    public static String firing(String kind, String triggerKey, String groupKey, Instant at) {
        return kind + ":" + triggerKey.substring(0, 16) + ":" + groupKey.substring(0, 16) + ":" + at.toEpochMilli();
    }

    /** 32 hex digits of the text's SHA-256: a short, fixed-size key for any text (a trigger, a group's key). */
    public static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
