package io.tributary.orchestrator.lifecycle;

import io.tributary.contract.run.StateType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/** A state as flow runs, task runs and the history store it: the type (for queries), the name, why, and when. */
@Embeddable
public class State {
    @Enumerated(EnumType.STRING)
    @Column(name = "state_type")
    public StateType type;

    @Convert(converter = StateNameConverter.class)
    @Column(name = "state_name")
    public StateName name;

    @Column(name = "state_message")
    public String message;

    @Column(name = "state_at")
    public Instant at;

    public static State of(StateName name, String message, Instant at) {
        State state = new State();
        state.type = name.type();
        state.name = name;
        state.message = message;
        state.at = at;
        return state;
    }

    @Override
    public String toString() {
        return name.label() + "@" + at + (message == null ? "" : " (" + message + ")");
    }
}
