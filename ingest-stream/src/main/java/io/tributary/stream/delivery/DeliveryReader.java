package io.tributary.stream.delivery;

import org.eclipse.microprofile.reactive.messaging.Message;

/** Reads the messages of one SmallRye connector as {@link Delivery deliveries}; one implementation per connector. */
public interface DeliveryReader {
    /** The connector name, as in {@code mp.messaging.incoming.<channel>.connector}. */
    String connector();

    Delivery read(Message<?> message);
}
