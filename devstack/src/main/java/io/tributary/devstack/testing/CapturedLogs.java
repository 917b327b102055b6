package io.tributary.devstack.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.awaitility.Awaitility;
import org.jboss.logmanager.ExtLogRecord;

/**
 * The log records of one category (or all) while a test runs, each with the MDC it was logged with (copied as it is
 * logged: reactive code clears its fields right after). Closing it puts the category's level back.
 */
public final class CapturedLogs implements AutoCloseable {
    /** A captured line: its formatted message and its MDC. */
    public record Line(String message, Map<String, String> mdc, ExtLogRecord record) {}

    private final Logger logger;
    private final Level before;
    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record instanceof ExtLogRecord ext) {
                ext.copyAll();
                lines.add(new Line(ext.getFormattedMessage(), Map.copyOf(ext.getMdcCopy()), ext));
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private CapturedLogs(String category, boolean debug) {
        logger = Logger.getLogger(category);
        before = logger.getLevel();
        if (debug) {
            logger.setLevel(org.jboss.logmanager.Level.DEBUG);
        }
        logger.addHandler(handler);
    }

    /** Captures what the class logs (Quarkus' {@code Log} logs under the calling class's name). */
    public static CapturedLogs debugOf(Class<?> type) {
        return new CapturedLogs(type.getName(), true);
    }

    /** Captures what every category logs, at the levels enabled now: to find what must never be logged. */
    public static CapturedLogs everything() {
        return new CapturedLogs("", false);
    }

    /** Every line so far, with its exception, as one text. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (Line line : lines) {
            text.append(line.message());
            if (line.record().getThrown() != null) {
                text.append(" | ").append(line.record().getThrown());
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** Waits (bounded) for a line that matches. */
    public Line await(String description, Predicate<Line> matching) {
        return Awaitility.await(description)
                .atMost(Duration.ofSeconds(30))
                .until(() -> lines.stream().filter(matching).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(before);
    }
}
