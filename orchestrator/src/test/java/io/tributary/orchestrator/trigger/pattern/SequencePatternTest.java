package io.tributary.orchestrator.trigger.pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** When a sequence trigger fires, one group's events at a time: by event time, whatever the order of arrival. */
class SequencePatternTest {

    @Test
    void stepsInOrderFireOnceThenStartOver() {
        PatternFixture abc = PatternFixture.sequence(60, 2, 1, 1, 1)
                .send("a", 0)
                .send("b", 1)
                .send("c", 2)
                .send("c", 3);
        assertEquals(List.of("a b c"), abc.firings());
    }

    @Test
    void stepsOutOfOrderWaitForTheMissingOneInOrder() {
        PatternFixture abc = PatternFixture.sequence(60, 2, 1, 1, 1)
                .send("a", 0)
                .send("c", 1)
                .send("b", 2);
        assertEquals(List.of(), abc.firings());
        assertEquals(List.of(3L), abc.send("c", 3).ends());
    }

    @Test
    void anEventArrivingLateWithinTheGraceIsPlacedByEventTime() {
        PatternFixture ab = PatternFixture.sequence(60, 2, 1, 1).send("b", 10).send("a", 9);
        assertEquals(List.of("a b"), ab.firings());
        assertEquals(List.of(10L), ab.ends());
    }

    @Test
    void neitherAnEventLateBeyondTheGraceNorOneEarlierInEventTimeMisfires() {
        PatternFixture late = PatternFixture.sequence(60, 2, 1, 1).send("b", 10).send("a", 5);
        assertEquals(List.of(), late.firings());
        PatternFixture reversed =
                PatternFixture.sequence(60, 2, 1, 1).send("a", 20).send("b", 19);
        assertEquals(List.of(), reversed.firings());
    }

    @Test
    void theStepsMustCompleteWithinTheWindow() {
        PatternFixture ab = PatternFixture.sequence(10, 2, 1, 1)
                .send("a", 0)
                .send("b", 11)
                .send("a", 12)
                .send("b", 15);
        assertEquals(List.of(15L), ab.ends());
    }

    @Test
    void aStepWithACountNeedsThatManyEventsBeforeTheNextStep() {
        PatternFixture aab = PatternFixture.sequence(60, 2, 2, 1)
                .send("a", 0)
                .send("b", 1)
                .send("a", 2)
                .send("b", 3);
        assertEquals(List.of("a a b"), aab.firings());
    }
}
