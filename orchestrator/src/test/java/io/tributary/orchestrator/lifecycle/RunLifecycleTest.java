package io.tributary.orchestrator.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunLifecycleTest {
    /** The diagram in docs/, rendered from the table; {@code -Dlifecycle.render=true} writes it anew. */
    private static final Path DIAGRAM = Path.of("..", "docs", "run-lifecycle.md");

    @ParameterizedTest
    @CsvSource({
        "SCHEDULED, PENDING, true",
        "PENDING, RUNNING, true",
        "RUNNING, AWAITING_RETRY, true",
        "AWAITING_RETRY, PENDING, true",
        "PENDING, RETRYING, true",
        "RUNNING, COMPLETED, true",
        "CANCELLING, CANCELLED, true",
        "FAILED, AWAITING_RETRY, true",
        "PENDING, COMPLETED, false",
        "COMPLETED, RUNNING, false",
        "CANCELLED, RUNNING, false",
        "CANCELLING, COMPLETED, false",
        "SCHEDULED, RUNNING, false",
        "CRASHED, COMPLETED, false"
    })
    void movesAreLegalOnlyWhenTheTableSaysSo(StateName from, StateName to, boolean legal) {
        assertEquals(legal, RunLifecycle.isLegal(from, to));
    }

    @Test
    void aRefusedMoveIsCountedAndNamesTheRunsHistory() {
        long before = RunLifecycle.refused();
        IllegalTransitionException e = assertThrows(
                IllegalTransitionException.class,
                () -> RunLifecycle.check("task run t", StateName.COMPLETED, StateName.RUNNING, "[Pending, Completed]"));
        assertTrue(e.getMessage().contains("Completed -> Running"));
        assertTrue(e.getMessage().contains("[Pending, Completed]"));
        assertEquals(before + 1, RunLifecycle.refused());
    }

    @Test
    void runsAreCreatedScheduledOrPendingAndFinalStatesOnlyLeadToAReRun() {
        assertTrue(RunLifecycle.isLegal(null, StateName.SCHEDULED));
        assertFalse(RunLifecycle.isLegal(null, StateName.RUNNING));
        assertTrue(RunLifecycle.next(StateName.COMPLETED).isEmpty());
        for (StateName name : StateName.values()) {
            if (name.isFinal() && name != StateName.COMPLETED) {
                assertEquals(java.util.Set.of(StateName.AWAITING_RETRY, StateName.SCHEDULED), RunLifecycle.next(name));
            }
        }
    }

    @Test
    void theDiagramInDocsIsTheTable() throws IOException {
        String rendered = render();
        if (Boolean.getBoolean("lifecycle.render")) {
            Files.writeString(DIAGRAM, rendered);
        }
        assertEquals(
                rendered,
                Files.readString(DIAGRAM),
                "docs/run-lifecycle.md is out of date: ./mvnw -pl orchestrator test -Dtest=RunLifecycleTest"
                        + " -Dlifecycle.render=true");
    }

    private static String render() {
        String edges = Stream.of(StateName.values())
                .flatMap(from ->
                        RunLifecycle.next(from).stream().map(to -> "    " + from.label() + " --> " + to.label()))
                .collect(Collectors.joining("\n"));
        String types = Stream.of(StateName.values())
                .map(n -> "| " + n.label() + " | " + n.type() + " | "
                        + RunLifecycle.next(n).stream().map(StateName::label).collect(Collectors.joining(", "))
                        + " |")
                .collect(Collectors.joining("\n"));
        return "# Run lifecycle\n\n"
                + "Rendered by `RunLifecycleTest` from `orchestrator/.../lifecycle/RunLifecycle.java`; do not edit.\n"
                + "Flow runs and task runs follow the same table; a run is created Scheduled or Pending.\n\n"
                + "```mermaid\nstateDiagram-v2\n    [*] --> Scheduled\n    [*] --> Pending\n"
                + edges
                + "\n```\n\n| state | type | may move to |\n| --- | --- | --- |\n"
                + types
                + "\n";
    }
}
