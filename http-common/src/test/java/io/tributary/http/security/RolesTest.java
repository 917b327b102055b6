package io.tributary.http.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RolesTest {

    @Test
    void eachRoleIncludesTheOnesBeforeIt() {
        assertEquals(Set.of("viewer"), Roles.withIncluded(Set.of("viewer")));
        assertEquals(Set.of("viewer", "operator"), Roles.withIncluded(Set.of("operator")));
        assertEquals(Set.of("viewer", "operator", "admin"), Roles.withIncluded(Set.of("admin")));
    }

    @Test
    void rolesOfOtherSystemsAreKeptAndIncludeNothing() {
        assertEquals(Set.of("offline_access", "viewer"), Roles.withIncluded(Set.of("offline_access", "viewer")));
        assertEquals(Set.of(), Roles.withIncluded(Set.of()));
    }
}
