package io.tributary.contract.messaging;

import io.smallrye.mutiny.Uni;
import io.tributary.contract.event.Payloads.RejectedPayloadException;
import io.tributary.contract.json.MalformedMessageException;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * How every consumer finishes a message: transient failures (a broker or database briefly away) are retried with
 * back-off while the message waits unacknowledged, so nothing is lost; poison input is not retried, its handler
 * dead-letters it; the message is acknowledged only once its work is done, else nacked to its failure strategy.
 */
public final class Acknowledgement {
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final int RETRIES = 30;

    private Acknowledgement() {}

    public static Uni<Void> ackAfter(Message<?> message, Uni<?> work) {
        return retryTransient(work)
                .onItemOrFailure()
                .transformToUni((ignored, failure) -> failure == null
                        ? Uni.createFrom().completionStage(message.ack())
                        : Uni.createFrom().completionStage(message.nack(failure)));
    }

    /** The work, retried with back-off while it fails for a reason other than poison input. */
    public static <T> Uni<T> retryTransient(Uni<T> work) {
        return work.onFailure(Acknowledgement::isTransient)
                .retry()
                .withBackOff(FIRST_BACKOFF, MAX_BACKOFF)
                .atMost(RETRIES);
    }

    private static boolean isTransient(Throwable failure) {
        return !(failure instanceof MalformedMessageException || failure instanceof RejectedPayloadException);
    }
}
