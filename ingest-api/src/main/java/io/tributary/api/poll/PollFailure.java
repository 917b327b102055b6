package io.tributary.api.poll;

import java.time.Instant;
import java.util.Optional;

/**
 * A poll that did not succeed: the API refused or failed ({@code HTTP_429}, {@code HTTP_503}), could not be reached
 * ({@code NETWORK}), or answered what cannot be read (a dead-letter reason).
 *
 * @param retryAfter when a {@code 429} or {@code 503} asked to be called again
 */
final class PollFailure extends RuntimeException {
    private final String reason;
    private final Optional<Instant> retryAfter;

    PollFailure(String reason, String detail, Optional<Instant> retryAfter) {
        super(detail, null, false, false);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    String reason() {
        return reason;
    }

    Optional<Instant> retryAfter() {
        return retryAfter;
    }
}
