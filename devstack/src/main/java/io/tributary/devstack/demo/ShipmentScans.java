package io.tributary.devstack.demo;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Another team's warehouse system on RabbitMQ: a parcel scan every two seconds, published to a topic exchange with
 * routing key {@code scan.<site>}, a message id and a {@code site} header, in that team's own JSON shape (nested
 * parcel, weight in grams). The exchange, the queue ingest-stream reads and their binding are declared here too, so
 * no scan is unroutable when ingest-stream starts later or restarts.
 */
public final class ShipmentScans implements AutoCloseable {
    public static final String EXCHANGE = "warehouse";
    public static final String QUEUE = "tributary.shipment-scans";
    public static final String BINDING_KEY = "scan.#";
    private static final Logger LOG = Logger.getLogger(ShipmentScans.class);
    private static final List<String> SITES = List.of("hamburg", "lyon");

    private final Connection connection;
    private final Channel channel;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Random random = new Random();
    private long next = 1;

    public ShipmentScans(ConnectionFactory factory) {
        try {
            this.connection = factory.newConnection("tributary-demo-shipments");
            this.channel = connection.createChannel();
            channel.exchangeDeclare(EXCHANGE, BuiltinExchangeType.TOPIC, true);
            channel.queueDeclare(QUEUE, true, false, false, null);
            channel.queueBind(QUEUE, EXCHANGE, BINDING_KEY);
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("The demo RabbitMQ feed cannot reach the broker: " + e.getMessage(), e);
        }
        scheduler.scheduleAtFixedRate(this::publish, 1, 2, TimeUnit.SECONDS);
    }

    private void publish() {
        String site = SITES.get(random.nextInt(SITES.size()));
        String parcel = "parcel-" + Instant.now().getEpochSecond() + "-" + next++;
        String scan = String.format(
                Locale.ROOT,
                "{\"parcel\":{\"id\":\"%s\",\"weightGrams\":%d},\"dock\":%d,\"scannedAt\":\"%s\"}",
                parcel,
                200 + random.nextInt(5000),
                1 + random.nextInt(8),
                Instant.now());
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .messageId(parcel)
                .contentType("application/json")
                .deliveryMode(2)
                .headers(Map.of("site", site))
                .build();
        try {
            channel.basicPublish(EXCHANGE, "scan." + site, properties, scan.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Demo shipment scans could not publish: %s", e.getMessage());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            connection.close();
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Closing the demo RabbitMQ connection: %s", e.getMessage());
        }
    }
}
