package io.tributary.orchestrator.trigger;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GlobTest {
    @Test
    void starMatchesAnyTextAndEverythingElseItself() {
        assertTrue(Glob.matches("/iot/*", "/iot/plant-sensors"));
        assertTrue(Glob.matches("boiler-*", "boiler-"));
        assertTrue(Glob.matches("*-7", "pump-7"));
        assertFalse(Glob.matches("/iot/*", "/api/weather"));
        assertFalse(Glob.matches("a.c", "abc"), "regex characters are literals");
        assertTrue(Glob.matches(null, "anything"));
        assertTrue(Glob.matches("", "anything"));
    }
}
