package io.tributary.devstack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Subscribes to a result channel (any topic) and prints each record: its CloudEvent attributes, then its JSON body.
 * {@code java -cp devstack/target/devstack.jar io.tributary.devstack.Subscribe [--from-beginning] [topic]}; the
 * broker is TRIBUTARY_KAFKA (default localhost:19092, the local stack's).
 */
public final class Subscribe {
    private Subscribe() {}

    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        boolean fromBeginning = arguments.contains("--from-beginning");
        String topic =
                arguments.stream().filter(a -> !a.startsWith("--")).findFirst().orElse("tributary.results");
        String bootstrap = System.getenv().getOrDefault("TRIBUTARY_KAFKA", "localhost:19092");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "subscribe-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        fromBeginning ? "earliest" : "latest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (true) {
                consumer.poll(Duration.ofSeconds(1)).forEach(Subscribe::print);
            }
        }
    }

    // This command's output is the records themselves, for a person or a pipe: standard output, not a log.
    private static void print(ConsumerRecord<String, String> record) {
        String attributes = StreamSupport.stream(record.headers().spliterator(), false)
                .filter(h -> h.key().startsWith("ce_"))
                .map(h -> h.key().substring(3) + "=" + new String(h.value(), StandardCharsets.UTF_8))
                .collect(Collectors.joining(" "));
        System.out.println(attributes.isEmpty() ? "key=" + record.key() : attributes);
        System.out.println("  " + record.value());
    }
}
