package io.tributary.orchestrator.dashboard;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a page follows: some kinds of items, narrowed by texts their source, type and subject must contain (an
 * operator types part of a device id, not a pattern).
 */
record FeedFilter(Set<FeedKind> kinds, String source, String type, String subject) {
    /** Asks for no items: the rates alone. */
    static final String RATES_ONLY = "rates";

    /** @param kinds comma-separated kind labels, or {@value #RATES_ONLY}; null or empty for every kind */
    static FeedFilter of(String kinds, String source, String type, String subject) {
        Set<FeedKind> wanted = EnumSet.noneOf(FeedKind.class);
        if (kinds == null || kinds.isBlank()) {
            wanted.addAll(EnumSet.allOf(FeedKind.class));
        } else {
            for (String label : kinds.split(",")) {
                if (label.trim().equals(RATES_ONLY)) {
                    continue;
                }
                FeedKind kind = FeedKind.ofLabel(label.trim());
                if (kind == null) {
                    throw new IllegalArgumentException(
                            "kind must be event, dead-letter, result or rates; got '" + label + "'");
                }
                wanted.add(kind);
            }
        }
        return new FeedFilter(wanted, source, type, subject);
    }
}
