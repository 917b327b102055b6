package io.tributary.orchestrator.dashboard;

import io.quarkus.security.identity.SecurityIdentity;
import io.tributary.http.security.Roles;

/**
 * What every page's frame shows: where the reader is, who is signed in, and which buttons their roles allow (the
 * API checks the roles again; this only spares a click that would be refused).
 *
 * @param active the navigation entry of the page
 * @param signedIn whether the page came with a session cookie, so that it offers to sign out
 */
public record Page(String active, String user, boolean signedIn, boolean operator, boolean admin) {
    static Page of(String active, SecurityIdentity identity, boolean signedIn) {
        return new Page(
                active,
                identity.getPrincipal().getName(),
                signedIn,
                identity.hasRole(Roles.OPERATOR),
                identity.hasRole(Roles.ADMIN));
    }
}
