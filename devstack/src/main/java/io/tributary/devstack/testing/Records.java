package io.tributary.devstack.testing;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;

/** Reading what tests consume from the shared broker, where other tests' records are on the same topics. */
public final class Records {
    public static final Duration WAIT = Duration.ofSeconds(30);

    private Records() {}

    /** Waits (bounded) until at least n records with the key arrived, and returns them in arrival order. */
    public static List<ConsumerRecord<String, String>> await(ConsumerTask<String, String> task, String key, int n) {
        return Awaitility.await()
                .atMost(WAIT)
                .until(
                        () -> task.getRecords().stream()
                                .filter(r -> key.equals(r.key()))
                                .toList(),
                        records -> records.size() >= n);
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
