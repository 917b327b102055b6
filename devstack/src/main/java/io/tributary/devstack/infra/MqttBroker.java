package io.tributary.devstack.infra;

import io.moquette.BrokerConstants;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * A real MQTT broker with persistent sessions: the machine's Mosquitto when installed, else the embedded Moquette
 * from Maven, so the stack runs where no MQTT server is installed.
 */
public abstract class MqttBroker implements AutoCloseable {
    @Override
    public abstract void close();

    private static final Logger LOG = Logger.getLogger(MqttBroker.class);

    private final int port;

    MqttBroker(int port) {
        this.port = port;
    }

    public int port() {
        return port;
    }

    public abstract String kind();

    public static MqttBroker start(int port, Path dataDir) {
        Path mosquitto = Executables.find("mosquitto", "/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto");
        try {
            Files.createDirectories(dataDir);
            return mosquitto != null ? new Mosquitto(port, mosquitto, dataDir) : new Moquette(port, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Mosquitto extends MqttBroker {
        private final ManagedProcess process;

        Mosquitto(int port, Path binary, Path dataDir) throws IOException {
            super(port);
            Path conf = dataDir.resolve("mosquitto.conf");
            Files.writeString(
                    conf,
                    String.join(
                            "\n",
                            "listener " + port + " 127.0.0.1",
                            "allow_anonymous true",
                            "persistence true",
                            "persistence_location " + dataDir.toAbsolutePath() + "/",
                            "autosave_interval 1",
                            // Mosquitto drops QoS 1 messages for a client past 1000 queued (its default): a burst
                            // while ingest-iot is slow or down would lose readings.
                            "max_queued_messages 1000000",
                            "max_inflight_messages 100",
                            // Mosquitto started as root drops to its own user and then cannot write our data dir.
                            "user " + System.getProperty("user.name"),
                            "log_dest stderr",
                            "log_type error",
                            "log_type warning",
                            ""));
            this.process = ManagedProcess.start(
                    "mosquitto", dataDir.resolve("mosquitto.log"), binary.toString(), "-c", conf.toString());
            process.awaitPort(port, Duration.ofSeconds(20));
            LOG.infof("Mosquitto %s listening on 127.0.0.1:%d", binary, port);
        }

        @Override
        public String kind() {
            return "mosquitto";
        }

        @Override
        public void close() {
            process.close();
        }
    }

    private static final class Moquette extends MqttBroker {
        private final Server server = new Server();

        Moquette(int port, Path dataDir) throws IOException {
            super(port);
            Properties props = new Properties();
            props.setProperty(BrokerConstants.HOST_PROPERTY_NAME, "127.0.0.1");
            props.setProperty(BrokerConstants.PORT_PROPERTY_NAME, Integer.toString(port));
            props.setProperty(BrokerConstants.WEB_SOCKET_PORT_PROPERTY_NAME, BrokerConstants.DISABLED_PORT_BIND);
            props.setProperty(BrokerConstants.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
            props.setProperty(BrokerConstants.PERSISTENCE_ENABLED_PROPERTY_NAME, "true");
            props.setProperty(
                    BrokerConstants.DATA_PATH_PROPERTY_NAME,
                    dataDir.toAbsolutePath().toString());
            props.setProperty(BrokerConstants.IMMEDIATE_BUFFER_FLUSH_PROPERTY_NAME, "true");
            server.startServer(new MemoryConfig(props));
            LOG.infof("Moquette (embedded) listening on 127.0.0.1:%d", port);
        }

        @Override
        public String kind() {
            return "moquette";
        }

        @Override
        public void close() {
            server.stopServer();
        }
    }
}
