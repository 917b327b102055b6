package io.tributary.api.poll.page;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.api.poll.Page;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Link} header's {@code rel="next"} target (RFC 8288), as GitHub's and many other APIs send it:
 * {@code <https://api.example.com/items?page=2>; rel="next", <…?page=9>; rel="last"}.
 */
final class LinkHeaderPagination implements Pagination {
    private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,]+)*)");
    private static final Pattern REL = Pattern.compile("rel\\s*=\\s*\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

    @Override
    public Optional<String> next(Page page, JsonNode body) {
        for (String header : page.headers().getAll("Link")) {
            Matcher link = LINK.matcher(header);
            while (link.find()) {
                if (isNext(link.group(2))) {
                    return Optional.of(URI.create(page.url())
                            .resolve(link.group(1).strip())
                            .toString());
                }
            }
        }
        return Optional.empty();
    }

    /** A link's rel may list several relation types separated by spaces. */
    private static boolean isNext(String parameters) {
        Matcher rel = REL.matcher(parameters);
        return rel.find()
                && Arrays.asList(rel.group(1).toLowerCase(Locale.ROOT).split("\\s+"))
                        .contains("next");
    }
}
