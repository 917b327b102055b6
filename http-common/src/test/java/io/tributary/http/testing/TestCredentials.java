package io.tributary.http.testing;

import io.smallrye.jwt.build.Jwt;
import io.tributary.http.security.ApiKeyIdentityProvider;
import io.tributary.http.security.Roles;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Credentials a test makes for itself: an RSA key pair generated once per test JVM (the service verifies tokens
 * with its public half, as it would an issuer's JWKS), tokens signed with it, and one API key per role.
 */
public final class TestCredentials {
    public static final String ISSUER = "https://issuer.tributary.test";
    private static final KeyPair KEYS = generate();
    private static final KeyPair STRANGER = generate();
    private static final Map<String, String> API_KEYS = new LinkedHashMap<>();
    private static final Set<String> ISSUED_TOKENS = ConcurrentHashMap.newKeySet();

    static {
        SecureRandom random = new SecureRandom();
        for (String role : Roles.ALL) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            API_KEYS.put(role, "trb_" + role + "_" + HexFormat.of().formatHex(key));
        }
    }

    private TestCredentials() {}

    /** A bearer token of the configured issuer holding the given roles in its {@code groups} claim. */
    public static String token(String... roles) {
        return sign(KEYS, ISSUER, Instant.now().plus(Duration.ofMinutes(10)), roles);
    }

    /** Signed by a key the service does not trust. */
    public static String tokenOfAnotherKey(String... roles) {
        return sign(STRANGER, ISSUER, Instant.now().plus(Duration.ofMinutes(10)), roles);
    }

    /** Signed by the trusted key, but naming another issuer. */
    public static String tokenOfAnotherIssuer(String... roles) {
        return sign(KEYS, "https://elsewhere.tributary.test", Instant.now().plus(Duration.ofMinutes(10)), roles);
    }

    public static String expiredToken(String... roles) {
        return sign(KEYS, ISSUER, Instant.now().minus(Duration.ofMinutes(10)), roles);
    }

    private static String sign(KeyPair keys, String issuer, Instant expires, String... roles) {
        String token = Jwt.issuer(issuer)
                .upn("tester@tributary.test")
                .groups(Set.of(roles))
                .issuedAt(expires.minus(Duration.ofMinutes(20)))
                .expiresAt(expires)
                .sign(keys.getPrivate());
        ISSUED_TOKENS.add(token);
        return token;
    }

    /** The API key holding exactly this role (and, by inclusion, the ones below it). */
    public static String apiKey(String role) {
        return API_KEYS.get(role);
    }

    /** Configuration that makes a service trust these credentials, with authentication on. */
    public static Map<String, String> serviceConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("tributary.security.enabled", "true");
        config.put(
                "mp.jwt.verify.publickey",
                Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded()));
        config.put("mp.jwt.verify.issuer", ISSUER);
        API_KEYS.forEach((role, key) -> {
            config.put("tributary.security.api-keys.ci-" + role + ".sha256", ApiKeyIdentityProvider.sha256Hex(key));
            config.put("tributary.security.api-keys.ci-" + role + ".roles", role);
        });
        return config;
    }

    /** Every API key configured and token issued, for checking that none leaks into logs or responses. */
    public static Set<String> secrets() {
        Set<String> secrets = new HashSet<>(API_KEYS.values());
        secrets.addAll(ISSUED_TOKENS);
        return secrets;
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
