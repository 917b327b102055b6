package io.tributary.orchestrator.trigger.event;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GlobTest {
    @Test
    void starMatchesAnyTextAndEverythingElseItself() {
        assertTrue(Glob.of("/iot/*").matches("/iot/plant-sensors"));
        assertTrue(Glob.of("boiler-*").matches("boiler-"));
        assertTrue(Glob.of("*-7").matches("pump-7"));
        assertFalse(Glob.of("/iot/*").matches("/api/weather"));
        assertFalse(Glob.of("a.c").matches("abc"), "regex characters are literals");
        assertTrue(Glob.of(null).matches("anything"));
        assertTrue(Glob.of("").matches("anything"));
    }
}
