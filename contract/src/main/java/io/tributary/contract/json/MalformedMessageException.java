package io.tributary.contract.json;

/** A message whose body or envelope breaks the contract: poison input, never worth a retry. */
public class MalformedMessageException extends RuntimeException {
    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
