package io.tributary.contract.event;

/** CloudEvents {@code type} values of the contract. */
public final class EventTypes {
    public static final String MEASUREMENT = "io.tributary.measurement.v1";
    public static final String RECORD = "io.tributary.record.v1";
    public static final String RESULT = "io.tributary.result.v1";

    private EventTypes() {}
}
