package io.tributary.iot.payload;

import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.Payloads.RejectedPayloadException;
import java.time.Instant;

/** The event times a subscription accepts: not too far ahead of the time of receipt (clock skew), not too old. */
final class TimeWindow {
    private TimeWindow() {}

    static Instant check(Instant time, Incoming incoming) {
        Instant latest = incoming.receivedAt().plus(incoming.subscription().maxFutureSkew());
        Instant earliest = incoming.receivedAt().minus(incoming.subscription().maxAge());
        if (time.isAfter(latest) || time.isBefore(earliest)) {
            throw new RejectedPayloadException(
                    DeadLetterReason.TIMESTAMP_OUT_OF_WINDOW,
                    "time " + time + " is outside [" + earliest + ", " + latest + "] (max-age "
                            + incoming.subscription().maxAge() + ", max-future-skew "
                            + incoming.subscription().maxFutureSkew() + " around the time of receipt)");
        }
        return time;
    }
}
