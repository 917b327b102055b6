package io.tributary.orchestrator.run;

import io.tributary.orchestrator.problem.InvalidParameterProblem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of {@code GET /runs} ended: the last run's position in the list's order (newest first, then id).
 * The next page starts strictly after it, so runs created meanwhile (all newer) neither repeat nor push older runs
 * off a page. Opaque to clients: base64url of the two keys.
 */
record RunCursor(Instant createdAt, UUID id) {
    static final String PARAMETER = "cursor";
    private static final String SEPARATOR = "/";

    static RunCursor after(FlowRun run) {
        return new RunCursor(run.createdAt, run.id);
    }

    String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((createdAt + SEPARATOR + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Null for null: the first page. */
    static RunCursor parse(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String[] keys =
                    new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(SEPARATOR, -1);
            if (keys.length == 2) {
                return new RunCursor(Instant.parse(keys[0]), UUID.fromString(keys[1]));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // Falls through to the problem: the value did not come from a page's "next".
        }
        throw new InvalidParameterProblem(PARAMETER, cursor, "the \"next\" of a previous page");
    }
}
