package io.tributary.api.source;

import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Credentials of a polled API. A secret is written {@code file:<path>} (read at each poll, so a rotated Kubernetes
 * Secret is picked up), {@code env:<VARIABLE>}, or as the value itself.
 */
public interface AuthConfig {
    /** What is sent. */
    @WithDefault("none")
    AuthType type();

    /** The token, API key or password; required for every type but {@code none}. */
    Optional<String> secret();

    /** The user name of {@code basic}. */
    Optional<String> username();

    /** The header ({@code api-key-header}) or query parameter ({@code api-key-query}) carrying the API key. */
    @WithDefault("X-API-Key")
    String name();

    /** Kinds of credentials. */
    enum AuthType {
        /** None. */
        NONE,
        /** {@code Authorization: Bearer <secret>}. */
        BEARER,
        /** The secret in the header {@code name}. */
        API_KEY_HEADER,
        /** The secret in the query parameter {@code name}. */
        API_KEY_QUERY,
        /** {@code Authorization: Basic} with {@code username} and the secret as password. */
        BASIC
    }
}
