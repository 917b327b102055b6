package io.tributary.orchestrator.trigger.pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** When a compound trigger fires, one group's events at a time (grace 2 s). */
class CompoundPatternTest {

    @Test
    void allFiresOnceEveryPartMatchedWithinTheWindowThenStartsOver() {
        PatternFixture all = PatternFixture.compound("all", 10, 1, 1)
                .send("a", 0)
                .send("a", 1)
                .send("b", 5)
                .send("b", 6)
                .send("a", 30)
                .send("b", 50);
        assertEquals(List.of("a b"), all.firings());
        assertEquals(List.of(5L), all.ends());
    }

    @Test
    void anyFiresForEachMatchingEvent() {
        PatternFixture any = PatternFixture.compound("any", 10, 1, 1)
                .send("a", 0)
                .send("b", 1)
                .send("c", 2);
        assertEquals(List.of("a", "b"), any.firings());
    }

    @Test
    void atLeastKPartsEachWithItsCount() {
        PatternFixture twoOfThree = PatternFixture.compound(2, 60, 2, 1, 1)
                .send("a", 0)
                .send("b", 1)
                .send("a", 2)
                .send("c", 3)
                .send("b", 4);
        assertEquals(List.of("a b a", "c b"), twoOfThree.firings());
    }

    @Test
    void aDuplicateEventCountsOnce() {
        PatternFixture twice =
                PatternFixture.compound("all", 60, 2).send("x", "a", 0).send("x", "a", 0);
        assertEquals(List.of(), twice.firings());
        assertEquals(List.of(1L), twice.send("a", 1).ends());
    }

    @Test
    void anEventOutOfOrderCountsWithinTheGraceAndNotBeyond() {
        PatternFixture within =
                PatternFixture.compound("all", 10, 1, 1).send("b", 10).send("a", 9);
        assertEquals(List.of(10L), within.ends());
        PatternFixture beyond =
                PatternFixture.compound("all", 10, 1, 1).send("b", 10).send("a", 5);
        assertEquals(List.of(), beyond.firings());
    }

    @Test
    void anEventNoNewerThanTheLastFiringStartsNoOther() {
        PatternFixture all = PatternFixture.compound("all", 10, 1, 1)
                .send("a", 0)
                .send("b", 5)
                .send("a", 4)
                .send("b", 5);
        assertEquals(List.of("a b"), all.firings());
    }
}
