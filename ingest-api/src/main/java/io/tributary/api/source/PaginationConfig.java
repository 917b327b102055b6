package io.tributary.api.source;

import io.smallrye.config.WithDefault;
import java.util.Optional;

/** How one poll follows pages. A page without records ends it, whatever the API says of a next one. */
public interface PaginationConfig {
    /** The kind of pagination. */
    @WithDefault("none")
    PaginationType type();

    /** JSON Pointer to the next page's URL in the body ({@code next-link}); relative URLs are resolved. */
    @WithDefault("/next")
    String next();

    /** JSON Pointer to the next page's cursor in the body ({@code cursor}); absent or empty: the last page. */
    @WithDefault("/next_cursor")
    String cursor();

    /**
     * The query parameter carrying the cursor ({@code cursor}) or the page number ({@code page}); absent: {@code cursor},
     * resp. {@code page}.
     */
    Optional<String> param();

    /** The number of the first page ({@code page}). */
    @WithDefault("1")
    int firstPage();

    /**
     * Pages read per poll at most. Pages left over are read by the next polls, from where this one stopped; the
     * watermark advances only when the last page was read.
     */
    @WithDefault("10")
    int maxPages();

    /** Kinds of pagination. */
    enum PaginationType {
        /** One request per poll. */
        NONE,
        /** The body holds the next page's URL ({@code next}). */
        NEXT_LINK,
        /** The {@code Link} header's {@code rel="next"} (RFC 8288), as GitHub's API sends it. */
        LINK_HEADER,
        /** The body holds a cursor ({@code cursor}), sent back in the query parameter {@code param}. */
        CURSOR,
        /** The query parameter {@code param} counts pages from {@code first-page}. */
        PAGE
    }
}
