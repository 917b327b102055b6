package io.tributary.iot;

import io.tributary.devstack.testing.RecordedSpans;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The tests' span exporter: Quarkus exports finished spans to every SpanExporter bean, here kept in memory. */
@Singleton
public class TestSpanExporter {
    @Produces
    @Singleton
    RecordedSpans recordedSpans() {
        return new RecordedSpans();
    }
}
