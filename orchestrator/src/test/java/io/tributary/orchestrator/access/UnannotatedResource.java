package io.tributary.orchestrator.access;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * An endpoint that names no role, as a new one might by mistake, in the tests' application only: it must be refused
 * to everyone (deny-unannotated-endpoints, set in http-common).
 */
@Path("/access-test/unannotated")
public class UnannotatedResource {
    @GET
    public String open() {
        return "anyone may read this";
    }
}
