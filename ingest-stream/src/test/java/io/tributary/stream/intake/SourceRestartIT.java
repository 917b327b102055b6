package io.tributary.stream.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.tributary.contract.Topics;
import io.tributary.devstack.infra.Ports;
import io.tributary.devstack.infra.RabbitBroker;
import io.tributary.devstack.infra.StackLogging;
import io.tributary.devstack.infra.TemporaryDirectory;
import io.tributary.devstack.stack.ServiceProcess;
import io.tributary.devstack.testing.Records;
import io.tributary.devstack.testing.Resources;
import io.tributary.devstack.testing.SharedInfrastructure;
import io.tributary.devstack.testing.UpstreamInfrastructure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged ingest-stream, killed with {@code kill -9} while a Kafka topic of another cluster and a RabbitMQ queue
 * stream into it, then started again: every message becomes an event, and a message handled twice (its upstream
 * acknowledgement lost in the kill) keeps its event id.
 */
class SourceRestartIT {
    private static final int MESSAGES_PER_SOURCE = 300;
    private static final String TOPIC = "restart.orders";
    private static final String QUEUE = "restart.parcels";
    private static final Duration READY = Duration.ofSeconds(90);

    private static TemporaryDirectory logs;
    private static ServiceProcess service;
    private static Connection rabbit;

    @BeforeAll
    static void startService() throws Exception {
        StackLogging.configure();
        RabbitBroker broker = UpstreamInfrastructure.rabbit();
        rabbit = broker.connectionFactory().newConnection("source-restart-it");
        Channel channel = rabbit.createChannel();
        channel.exchangeDeclare(QUEUE, BuiltinExchangeType.TOPIC, true);
        channel.queueDeclare(QUEUE, true, false, false, null);
        channel.queueBind(QUEUE, QUEUE, "#");
        channel.close();

        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", SharedInfrastructure.kafka().bootstrapServers());
        config.put("upstream.bootstrap.servers", UpstreamInfrastructure.kafka().bootstrapServers());
        config.put("upstream.topic", TOPIC);
        String parcels = "mp.messaging.incoming.parcels.";
        config.put(parcels + "connector", "smallrye-rabbitmq");
        config.put(parcels + "host", broker.host());
        config.put(parcels + "port", Integer.toString(broker.port()));
        config.put(parcels + "username", RabbitBroker.USER);
        config.put(parcels + "password", RabbitBroker.PASSWORD);
        config.put(parcels + "queue.name", QUEUE);
        config.put(parcels + "exchange.name", QUEUE);
        config.put(parcels + "content-type-override", "application/octet-stream");
        config.put("tributary.stream.sources.parcels.source", "/stream/parcels");
        config.put("tributary.stream.sources.parcels.subject", "/id");
        logs = new TemporaryDirectory("ingest-stream-it");
        service = ServiceProcess.start(
                Path.of(System.getProperty("tributary.root")), "ingest-stream", Ports.free(), config, logs.path());
        service.awaitReady(READY);
    }

    @AfterAll
    static void stopService() {
        Resources.closeAll(rabbit, service, logs);
    }

    @Test
    void killedMidStreamAndStartedAgainItLosesNoMessage() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        ConsumerTask<String, String> events =
                SharedInfrastructure.companion().consumeStrings().fromTopics(Topics.EVENTS);
        Channel channel = rabbit.createChannel();
        AtomicInteger sent = new AtomicInteger();
        ScheduledExecutorService producer = Executors.newSingleThreadScheduledExecutor();
        // A steady stream, so that the kill lands in the middle of it.
        producer.scheduleAtFixedRate(
                () -> {
                    int i = sent.get();
                    if (i >= MESSAGES_PER_SOURCE) {
                        return;
                    }
                    String order = "o-" + run + "-" + i;
                    UpstreamInfrastructure.companion()
                            .produceStrings()
                            .fromRecords(new ProducerRecord<>(TOPIC, order, "{\"orderId\":\"" + order + "\"}"));
                    try {
                        channel.basicPublish(
                                QUEUE,
                                "parcel",
                                new AMQP.BasicProperties.Builder()
                                        .messageId("p-" + run + "-" + i)
                                        .build(),
                                ("{\"id\":\"p-" + run + "-" + i + "\"}").getBytes(StandardCharsets.UTF_8));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    sent.incrementAndGet();
                },
                0,
                10,
                TimeUnit.MILLISECONDS);
        try {
            Awaitility.await()
                    .atMost(Records.WAIT)
                    .until(() -> ofThisRun(events, run).size() >= 60);
            service.kill();
            service.start();
            service.awaitReady(READY);

            Awaitility.await()
                    .atMost(Duration.ofSeconds(90))
                    .until(() -> subjects(ofThisRun(events, run)).size() == 2 * MESSAGES_PER_SOURCE);
        } finally {
            producer.shutdownNow();
            channel.close();
        }
        // Redelivered messages were published again with the same id: one id per subject.
        Map<String, Set<String>> idsBySubject = ofThisRun(events, run).stream()
                .collect(Collectors.groupingBy(
                        ConsumerRecord::key,
                        Collectors.mapping(record -> Records.header(record, "ce_id"), Collectors.toSet())));
        idsBySubject.forEach((subject, ids) -> assertEquals(1, ids.size(), subject + " has ids " + ids));
    }

    private static List<ConsumerRecord<String, String>> ofThisRun(ConsumerTask<String, String> events, String run) {
        return events.getRecords().stream()
                .filter(record -> record.key() != null && record.key().contains("-" + run + "-"))
                .toList();
    }

    private static Set<String> subjects(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
    }
}
