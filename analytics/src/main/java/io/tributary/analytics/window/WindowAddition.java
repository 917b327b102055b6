package io.tributary.analytics.window;

/** What adding an event to its series' window did. */
public enum WindowAddition {
    /** In the window (possibly out of order, within the allowed lateness). */
    ADDED,
    /** The window already held this event id: a redelivery. */
    DUPLICATE,
    /** Older than the series' newest event time minus the allowed lateness: counted, not added. */
    TOO_LATE
}
