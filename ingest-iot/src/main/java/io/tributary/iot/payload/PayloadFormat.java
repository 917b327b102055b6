package io.tributary.iot.payload;

/** How a subscription's payloads are read. */
public enum PayloadFormat {
    /** By the payload's JSON shape: an object is {@link #JSON}, an array {@link #SENML}, a number {@link #NUMBER}. */
    AUTO,
    /** A JSON object: numeric fields are metrics, other fields attributes, one field the reading's time. */
    JSON,
    /** SenML JSON (RFC 8428): one event per resolved record. */
    SENML,
    /** A plain number, the metric named by the topic's {@code {metric}} level. */
    NUMBER
}
