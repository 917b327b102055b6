package io.tributary.api.state;

import java.time.Instant;
import java.util.Optional;

/**
 * What a source's next poll starts from, as stored.
 *
 * @param watermark when the last complete poll started: the next {@code {since}}
 * @param etag the first page's ETag, sent back as {@code If-None-Match}
 * @param lastModified the first page's Last-Modified, sent back as {@code If-Modified-Since}
 * @param resumeUrl the next page of a poll that stopped before its last page
 * @param resumeSince the watermark to store once that poll's last page is read
 * @param failures polls failed in a row; a page read resets it
 * @param notBefore no poll before this time (back-off, {@code Retry-After})
 */
public record SourceState(
        Optional<Instant> watermark,
        Optional<String> etag,
        Optional<String> lastModified,
        Optional<String> resumeUrl,
        Optional<Instant> resumeSince,
        int failures,
        Optional<Instant> notBefore) {

    public static final SourceState EMPTY = new SourceState(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            0,
            Optional.empty());

    /** The last page of the poll that started at {@code started} was read: it is the next {@code {since}}. */
    public SourceState completed(Instant started) {
        return new SourceState(
                Optional.of(started), etag, lastModified, Optional.empty(), Optional.empty(), 0, Optional.empty());
    }

    /** A page was read and the poll goes on at {@code next}; once done, {@code since} becomes the watermark. */
    public SourceState resumingAt(String next, Instant since) {
        return new SourceState(
                watermark, etag, lastModified, Optional.of(next), Optional.of(since), 0, Optional.empty());
    }

    public SourceState withValidators(Optional<String> newEtag, Optional<String> newLastModified) {
        return new SourceState(watermark, newEtag, newLastModified, resumeUrl, resumeSince, failures, notBefore);
    }
}
