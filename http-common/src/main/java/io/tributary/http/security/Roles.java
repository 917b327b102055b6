package io.tributary.http.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The three roles of every API, each including the ones before it: a viewer reads; an operator also triggers,
 * cancels and retries runs; an admin also changes flows, sources and limits. Tokens and API keys name the highest
 * role they hold; the lower ones are added here, so an endpoint names only the least role it needs.
 */
public final class Roles {
    public static final String VIEWER = "viewer";
    public static final String OPERATOR = "operator";
    public static final String ADMIN = "admin";

    /** From least to most. */
    public static final List<String> ALL = List.of(VIEWER, OPERATOR, ADMIN);

    private Roles() {}

    /** The given roles and every role they include; roles this platform does not define are kept as they are. */
    public static Set<String> withIncluded(Set<String> held) {
        Set<String> roles = new LinkedHashSet<>(held);
        for (int i = ALL.size() - 1; i > 0; i--) {
            if (roles.contains(ALL.get(i))) {
                roles.addAll(ALL.subList(0, i));
            }
        }
        return roles;
    }

    public static boolean isRole(String name) {
        return ALL.contains(name);
    }
}
