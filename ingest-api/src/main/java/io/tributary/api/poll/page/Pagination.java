package io.tributary.api.poll.page;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.api.poll.Page;
import io.tributary.api.source.PaginationConfig;
import java.util.Optional;

/** How a poll goes from one page to the next: every kind reduces to the next page's URL. */
public interface Pagination {
    /** The first page's URL, from the source's rendered URL. */
    default String first(String url) {
        return url;
    }

    /** The next page's URL after this page (which had records), or empty after the last page. */
    Optional<String> next(Page page, JsonNode body);

    static Pagination of(PaginationConfig config) {
        switch (config.type()) {
            case NEXT_LINK:
                return new NextLinkPagination(config.next());
            case LINK_HEADER:
                return new LinkHeaderPagination();
            case CURSOR:
                return new CursorPagination(config.cursor(), config.param().orElse("cursor"));
            case PAGE:
                return new PageNumberPagination(config.param().orElse("page"), config.firstPage());
            default:
                return (page, body) -> Optional.empty();
        }
    }
}
