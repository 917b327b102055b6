package io.tributary.orchestrator.run;

import io.tributary.contract.run.StateType;
import java.util.Locale;

/** Prefect's naming: a state's default name is its type in title case; named states say more (TimedOut). */
public final class StateNames {
    public static final String TIMED_OUT = "TimedOut";

    private StateNames() {}

    public static String of(StateType type) {
        String lower = type.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
