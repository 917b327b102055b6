package io.tributary.analytics.task;

/** The task cannot produce a result from what it was given; reported as FAILED with this message, never retried. */
public class InvalidTaskException extends RuntimeException {
    public InvalidTaskException(String message) {
        super(message);
    }
}
