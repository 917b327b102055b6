package io.tributary.api.poll.page;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.api.poll.Page;
import io.tributary.api.poll.UrlTemplate;
import java.util.Optional;

/** Numbered pages in a query parameter; the page after one with records is asked for until one comes back empty. */
final class PageNumberPagination implements Pagination {
    private final String param;
    private final int firstPage;

    PageNumberPagination(String param, int firstPage) {
        this.param = param;
        this.firstPage = firstPage;
    }

    @Override
    public String first(String url) {
        return UrlTemplate.withQuery(url, param, Integer.toString(firstPage));
    }

    @Override
    public Optional<String> next(Page page, JsonNode body) {
        int current =
                UrlTemplate.query(page.url(), param).map(Integer::parseInt).orElse(firstPage);
        return Optional.of(UrlTemplate.withQuery(page.url(), param, Integer.toString(current + 1)));
    }
}
