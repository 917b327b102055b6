package io.tributary.api.poll;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The placeholders of a URL or body template, and the query parameters of a page's URL. */
public final class UrlTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    private UrlTemplate() {}

    /**
     * Replaces each {@code {name}} of the variables, URL-encoded when {@code encode}; other braces stay as written.
     */
    public static String render(String template, Map<String, String> variables, boolean encode) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = variables.get(matcher.group(1));
            String replacement = value == null ? matcher.group() : encode ? encode(value) : value;
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return matcher.appendTail(out).toString();
    }

    /** The URL with the query parameter set to the value, in its place if it was there, else appended. */
    public static String withQuery(String url, String name, String value) {
        URI uri = URI.create(url);
        String pair = encode(name) + "=" + encode(value);
        String query = uri.getRawQuery();
        StringBuilder rebuilt = new StringBuilder();
        boolean replaced = false;
        if (query != null && !query.isEmpty()) {
            for (String part : query.split("&")) {
                boolean same = decode(part.split("=", 2)[0]).equals(name);
                rebuilt.append(rebuilt.length() > 0 ? "&" : "").append(same && !replaced ? pair : part);
                replaced |= same;
            }
        }
        if (!replaced) {
            rebuilt.append(rebuilt.length() > 0 ? "&" : "").append(pair);
        }
        String base = url.contains("?") ? url.substring(0, url.indexOf('?')) : url.split("#", 2)[0];
        return base + "?" + rebuilt;
    }

    /** The first value of the query parameter in the URL. */
    public static Optional<String> query(String url, String name) {
        String query = URI.create(url).getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        for (String part : query.split("&")) {
            String[] pair = part.split("=", 2);
            if (decode(pair[0]).equals(name)) {
                return Optional.of(pair.length > 1 ? decode(pair[1]) : "");
            }
        }
        return Optional.empty();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
