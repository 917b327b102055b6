package io.tributary.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void lineBreaksCannotStartAForgedLogLine() {
        assertEquals(
                "/runs\\n2026-11-26 INFO admin logged in\\r", LogSafe.text("/runs\n2026-11-26 INFO admin logged in\r"));
    }

    @Test
    void otherControlCharactersAreEscapedAndTextIsKept() {
        assertEquals("a\\u001b[31mred\\tb ü", LogSafe.text("a\u001b[31mred\tb ü"));
        assertEquals("null", LogSafe.text(null));
    }

    @Test
    void longTextIsCut() {
        String safe = LogSafe.text("x".repeat(10_000));
        assertTrue(safe.length() < 310, safe.length() + " characters");
        assertTrue(safe.endsWith("…"));
        assertEquals("y".repeat(300), LogSafe.text("y".repeat(300)));
    }
}
