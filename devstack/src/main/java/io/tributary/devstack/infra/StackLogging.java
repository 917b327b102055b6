package io.tributary.devstack.infra;

import java.util.List;
import java.util.logging.Level;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.ConsoleHandler;

/**
 * Logging of a JVM that hosts the brokers (the local stack, the system test): the stack's own lines, and only
 * warnings from the brokers. Set up in code because JBoss LogManager 3 outside Quarkus does not read a
 * logging.properties, and the Kafka server jar brings log4j, which JBoss Logging would otherwise pick.
 */
public final class StackLogging {
    private static final List<String> QUIET = List.of(
            "kafka",
            "org.apache.kafka",
            "state.change.logger",
            "io.moquette",
            "io.netty",
            "io.zonky",
            "io.vertx",
            "io.smallrye.reactive.messaging.kafka");

    private StackLogging() {}

    /** Call first in main, before any logger exists. */
    public static void configure() {
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        System.setProperty("org.jboss.logging.provider", "jboss");
        LogContext context = LogContext.getLogContext();
        org.jboss.logmanager.Logger root = context.getLogger("");
        ConsoleHandler console = new ConsoleHandler(new PatternFormatter("%d{HH:mm:ss} %-5p [%c{1}] %s%e%n"));
        console.setAutoFlush(true);
        root.addHandler(console);
        root.setLevel(Level.INFO);
        QUIET.forEach(name -> context.getLogger(name).setLevel(Level.WARNING));
    }
}
