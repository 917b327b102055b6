package io.tributary.api.poll;

import io.vertx.mutiny.core.MultiMap;

/**
 * One response of a polled API.
 *
 * @param url the URL requested (without an API key in the query)
 * @param body the body as text, empty when there was none
 */
public record Page(String url, int status, MultiMap headers, String body) {
    public String header(String name) {
        return headers.get(name);
    }
}
