package io.tributary.api.problem;

import jakarta.ws.rs.core.Response;

/** A request refused with a problem: its status, its kind (the end of the problem type) and a detail, or null. */
public class ProblemException extends RuntimeException {
    private final Response.Status status;
    private final String kind;

    public ProblemException(Response.Status status, String kind, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.kind = kind;
    }

    public Response.Status status() {
        return status;
    }

    public String kind() {
        return kind;
    }
}
