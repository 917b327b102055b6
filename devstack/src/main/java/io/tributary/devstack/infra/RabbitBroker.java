package io.tributary.devstack.infra;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.model.SystemConfig;
import org.jboss.logging.Logger;
import org.jboss.logmanager.LogContext;

/**
 * A real AMQP 0-9-1 broker: the machine's RabbitMQ when one answers on 127.0.0.1:5672 with the default guest
 * account, else Apache Qpid Broker-J embedded in this JVM (messages in memory), so the stack and the tests run where
 * no RabbitMQ is installed. Both speak the protocol RabbitMQ clients use.
 */
public abstract class RabbitBroker implements AutoCloseable {
    public static final int MACHINE_PORT = 5672;
    public static final String HOST = "127.0.0.1";
    public static final String USER = "guest";
    public static final String PASSWORD = "guest";
    private static final Logger LOG = Logger.getLogger(RabbitBroker.class);

    private final int port;

    RabbitBroker(int port) {
        this.port = port;
    }

    /**
     * @param embeddedPort where the embedded broker listens when the machine has none
     * @param workDir the embedded broker's work directory (its preferences; messages stay in memory)
     * @param useMachineBroker whether a RabbitMQ already running on 5672 is used; false always embeds
     */
    public static RabbitBroker start(int embeddedPort, Path workDir, boolean useMachineBroker) {
        if (useMachineBroker && answers(MACHINE_PORT)) {
            LOG.infof("RabbitMQ of this machine on %s:%d", HOST, MACHINE_PORT);
            return new MachineRabbitMq();
        }
        return new EmbeddedQpid(embeddedPort, workDir);
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    /** {@code rabbitmq} (the machine's) or {@code qpid} (embedded). */
    public abstract String kind();

    /** A client connection factory for this broker, for demo feeds and tests. */
    public ConnectionFactory connectionFactory() {
        return factory(port);
    }

    private static ConnectionFactory factory(int port) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(HOST);
        factory.setPort(port);
        factory.setUsername(USER);
        factory.setPassword(PASSWORD);
        return factory;
    }

    private static boolean answers(int port) {
        if (!Ports.inUse(port)) {
            return false;
        }
        ConnectionFactory factory = factory(port);
        factory.setConnectionTimeout(2000);
        try (Connection ignored = factory.newConnection()) {
            return true;
        } catch (IOException | TimeoutException e) {
            LOG.infof("Port %d is taken but no RabbitMQ with the guest account answers there: %s", port, e);
            return false;
        }
    }

    private static final class MachineRabbitMq extends RabbitBroker {
        MachineRabbitMq() {
            super(MACHINE_PORT);
        }

        @Override
        public String kind() {
            return "rabbitmq";
        }

        @Override
        public void close() {
            // Not ours to stop.
        }
    }

    private static final class EmbeddedQpid extends RabbitBroker {
        // One virtual host in memory, reached under any name (RabbitMQ clients ask for "/"), the guest account, and
        // no management port or log files: the broker of a test or a demo.
        private static final String CONFIG = """
                {
                  "name": "tributary",
                  "modelVersion": "9.0",
                  "authenticationproviders": [
                    {"name": "plain", "type": "Plain", "secureOnlyMechanisms": [],
                     "users": [{"name": "guest", "type": "managed", "password": "guest"}]}
                  ],
                  "ports": [
                    {"name": "AMQP", "port": "${qpid.amqp_port}", "bindingAddress": "127.0.0.1",
                     "protocols": ["AMQP_0_9_1"], "authenticationProvider": "plain",
                     "virtualhostaliases": [{"name": "defaultAlias", "type": "defaultAlias"}]}
                  ],
                  "virtualhostnodes": [
                    {"name": "default", "type": "Memory", "defaultVirtualHostNode": "true",
                     "virtualHostInitialConfiguration": "{\\"type\\": \\"Memory\\"}"}
                  ]
                }
                """;

        private static final List<String> CHATTY_LOGGERS = List.of("org.apache.qpid", "qpid.message");

        private final SystemLauncher launcher = new SystemLauncher();

        EmbeddedQpid(int port, Path workDir) {
            super(port);
            // The broker reports each connection and queue at INFO; a stack or test log only needs its warnings.
            CHATTY_LOGGERS.forEach(
                    name -> LogContext.getLogContext().getLogger(name).setLevel(Level.WARNING));
            try {
                Files.createDirectories(workDir);
                Path config = workDir.resolve("qpid-config.json");
                Files.writeString(config, CONFIG);
                launcher.startup(Map.of(
                        SystemConfig.TYPE,
                        "Memory",
                        SystemConfig.INITIAL_CONFIGURATION_LOCATION,
                        config.toUri().toString(),
                        SystemConfig.STARTUP_LOGGED_TO_SYSTEM_OUT,
                        false,
                        SystemConfig.CONTEXT,
                        Map.of(
                                SystemConfig.QPID_WORK_DIR,
                                workDir.toAbsolutePath().toString(),
                                "qpid.amqp_port",
                                Integer.toString(port))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException("The embedded Qpid broker did not start on port " + port, e);
            }
            LOG.infof("Qpid Broker-J (embedded, AMQP 0-9-1) listening on %s:%d", HOST, port);
        }

        @Override
        public String kind() {
            return "qpid";
        }

        @Override
        public void close() {
            launcher.shutdown();
        }
    }
}
