package io.tributary.api.poll.page;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.api.poll.Page;
import java.net.URI;
import java.util.Optional;

/** The body names the next page, e.g. {@code {"next": "/v1/items?page=3"}}; a relative link is resolved. */
final class NextLinkPagination implements Pagination {
    private final JsonPointer next;

    NextLinkPagination(String next) {
        this.next = JsonPointer.compile(next);
    }

    @Override
    public Optional<String> next(Page page, JsonNode body) {
        JsonNode link = body.at(next);
        if (!link.isTextual() || link.asText().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(URI.create(page.url()).resolve(link.asText()).toString());
    }
}
