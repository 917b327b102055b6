package io.tributary.http.testing;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Everything a service in this JVM logs while open (every logger, every level it is enabled for), as text, so a test
 * can check what must never appear there (secrets) or how something appears (escaped user input).
 */
public final class LogCapture implements AutoCloseable {
    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record.getMessage();
            Object[] parameters = record.getParameters();
            StringBuilder line = new StringBuilder(String.valueOf(message));
            if (parameters != null) {
                for (Object parameter : parameters) {
                    line.append(" | ").append(parameter);
                }
            }
            if (record.getThrown() != null) {
                line.append(" | ").append(record.getThrown());
            }
            lines.add(line.toString());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    public LogCapture() {
        handler.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(handler);
    }

    /** The raw message of each record, with its parameters and exception appended: a secret anywhere is found. */
    public String text() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
    }
}
