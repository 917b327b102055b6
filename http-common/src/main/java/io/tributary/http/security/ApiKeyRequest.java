package io.tributary.http.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An API key as presented in a request, to be checked against the configured digests. */
final class ApiKeyRequest extends BaseAuthenticationRequest {
    private final String key;

    ApiKeyRequest(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }
}
