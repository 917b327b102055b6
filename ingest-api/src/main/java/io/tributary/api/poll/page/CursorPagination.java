package io.tributary.api.poll.page;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.api.poll.Page;
import io.tributary.api.poll.UrlTemplate;
import java.util.Optional;

/** The body holds an opaque cursor, sent back as a query parameter of the same URL; none or empty: the last page. */
final class CursorPagination implements Pagination {
    private final JsonPointer cursor;
    private final String param;

    CursorPagination(String cursor, String param) {
        this.cursor = JsonPointer.compile(cursor);
        this.param = param;
    }

    @Override
    public Optional<String> next(Page page, JsonNode body) {
        JsonNode value = body.at(cursor);
        if (!value.isValueNode() || value.isNull() || value.asText().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(UrlTemplate.withQuery(page.url(), param, value.asText()));
    }
}
