package io.tributary.http.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an API key against the configured SHA-256 digests. Keys are long random strings, so a plain digest
 * suffices (no salt or slow hash, which protect guessable passwords); digests are compared in constant time.
 */
@Singleton
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyRequest> {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private final List<Known> keys;

    ApiKeyIdentityProvider(SecurityConfig config) {
        this.keys = config.apiKeys().entrySet().stream()
                .map(ApiKeyIdentityProvider::known)
                .toList();
    }

    private record Known(String name, byte[] digest, Set<String> roles) {}

    /** A misconfigured key stops the service at start, naming the key but never echoing its digest. */
    private static Known known(Map.Entry<String, SecurityConfig.ApiKey> entry) {
        String name = entry.getKey();
        SecurityConfig.ApiKey key = entry.getValue();
        if (!SHA256_HEX.matcher(key.sha256()).matches()) {
            throw new IllegalStateException(
                    "tributary.security.api-keys." + name + ".sha256 must be a SHA-256 as 64 hex digits.");
        }
        for (String role : key.roles()) {
            if (!Roles.isRole(role)) {
                throw new IllegalStateException("tributary.security.api-keys." + name + ".roles names '" + role
                        + "'; the roles are " + String.join(", ", Roles.ALL) + ".");
            }
        }
        return new Known(name, HexFormat.of().parseHex(key.sha256()), new LinkedHashSet<>(key.roles()));
    }

    @Override
    public Class<ApiKeyRequest> getRequestType() {
        return ApiKeyRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyRequest request, AuthenticationRequestContext context) {
        byte[] digest = sha256(request.key());
        Known match = null;
        for (Known known : keys) {
            if (MessageDigest.isEqual(known.digest(), digest)) {
                match = known;
            }
        }
        if (match == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Unknown API key"));
        }
        return Uni.createFrom()
                .item(QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal("api-key:" + match.name()))
                        .addRoles(match.roles())
                        .build());
    }

    /** The digest a key is configured by: SHA-256 as 64 hex digits. */
    public static String sha256Hex(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
