package io.tributary.stream.source;

/** The format of a source's message bodies. */
public enum PayloadFormat {
    /** A JSON object, UTF-8. */
    JSON,
    /** UTF-8 text: a plain number, or any other text. */
    TEXT
}
