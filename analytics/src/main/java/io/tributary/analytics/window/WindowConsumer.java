package io.tributary.analytics.window;

import io.quarkus.logging.Log;
import io.tributary.contract.event.EventMessages;
import io.tributary.contract.json.MalformedMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Feeds the series windows from {@code tributary.events}. Windows live in memory and are rebuilt from the topic at
 * start ({@link WindowRebuildListener}), so offsets are not committed. Failure strategy: {@code ignore} — an event
 * that breaks the contract is skipped here (the orchestrator dead-letters it); one bad event never stops the windows.
 */
@ApplicationScoped
public class WindowConsumer {
    static final String CHANNEL = "window-events";

    private final SeriesWindows windows;

    public WindowConsumer(SeriesWindows windows) {
        this.windows = windows;
    }

    @Incoming(CHANNEL)
    public CompletionStage<Void> consume(Message<String> message) {
        try {
            windows.add(EventMessages.fromMessage(message));
            return message.ack();
        } catch (MalformedMessageException e) {
            Log.debugf("Skipping malformed event: %s", e.getMessage());
            return message.nack(e);
        }
    }
}
