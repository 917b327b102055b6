package io.tributary.iot.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.tributary.contract.Topics;
import io.tributary.contract.event.EventData;
import io.tributary.contract.json.Json;
import io.tributary.devstack.infra.ManagedProcess;
import io.tributary.devstack.infra.Ports;
import io.tributary.devstack.infra.TemporaryDirectory;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.Records;
import io.tributary.devstack.testing.Resources;
import io.tributary.devstack.testing.SharedInfrastructure;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.mqtt.MqttClientOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A broker that requires TLS and a user name and password: ingest-iot connects with the configured trust certificate
 * and the password read from a file (as a mounted Kubernetes Secret), and readings flow. The broker is Mosquitto with
 * a TLS listener; where it is not installed the test is skipped (devstack's embedded Moquette is started without TLS).
 */
@QuarkusTest
@TestProfile(SecuredBrokerTest.Secured.class)
class SecuredBrokerTest {
    @Test
    void readingsFlowOverTlsWithAUserAndPassword() {
        assumeTrue(TlsBroker.hasMosquitto(), "needs Mosquitto for its TLS listener");
        ConsumerTask<String, String> events =
                SharedInfrastructure.companion().consumeStrings().fromTopics(Topics.EVENTS);
        MqttClientOptions device = new MqttClientOptions()
                .setClientId("tls-device")
                .setSsl(true)
                .setHostnameVerificationAlgorithm("HTTPS")
                .setPemTrustOptions(new PemTrustOptions()
                        .addCertPath(TlsBroker.certificate().toString()));
        device.setUsername(TlsBroker.USER).setPassword(TlsBroker.PASSWORD);
        try (DevicePublisher publisher = new DevicePublisher(TlsBroker.port, device)) {
            publisher.publish("tributary/tls-1/telemetry", "{\"temperature\": 30.5}");
        }
        EventData data =
                Json.read(Records.await(events, "/iot/devices|tls-1", 1).get(0).value(), EventData.class);
        assertEquals(30.5, data.metrics().get("temperature"));

        MqttClientOptions intruder =
                new MqttClientOptions(device).setClientId("intruder").setPassword("wrong");
        assertThrows(IllegalStateException.class, () -> new DevicePublisher(TlsBroker.port, intruder).close());
    }

    public static class Secured implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KafkaTestResource.class), new TestResourceEntry(TlsBroker.class));
        }
    }

    /** Mosquitto with a TLS listener (a self-signed certificate for 127.0.0.1 made by keytool) and a password file. */
    public static class TlsBroker implements QuarkusTestResourceLifecycleManager {
        static final String USER = "ingest";
        static final String PASSWORD = "s3cret-for-tests";
        static int port;
        private static TemporaryDirectory dir;
        private static ManagedProcess broker;

        static boolean hasMosquitto() {
            return SharedInfrastructure.mqtt().kind().equals("mosquitto");
        }

        static Path certificate() {
            return dir.path().resolve("broker.crt");
        }

        @Override
        public Map<String, String> start() {
            if (!hasMosquitto()) {
                return Map.of();
            }
            port = Ports.free();
            dir = new TemporaryDirectory("tributary-mqtt-tls");
            try {
                writeCertificate(dir.path());
                Files.writeString(dir.path().resolve("passwords"), USER + ":" + sha512Hash(PASSWORD) + "\n");
                Files.writeString(dir.path().resolve("password"), PASSWORD + "\n");
                Path conf = dir.path().resolve("mosquitto.conf");
                Files.writeString(
                        conf,
                        String.join(
                                "\n",
                                "listener " + port + " 127.0.0.1",
                                "certfile " + certificate(),
                                "keyfile " + dir.path().resolve("broker.key"),
                                "allow_anonymous false",
                                "password_file " + dir.path().resolve("passwords"),
                                "user " + System.getProperty("user.name"),
                                "log_dest stderr",
                                ""));
                broker = ManagedProcess.start(
                        "mosquitto-tls", dir.path().resolve("mosquitto.log"), "mosquitto", "-c", conf.toString());
                broker.awaitPort(port, Duration.ofSeconds(20));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of(
                    "tributary.iot.host",
                    "127.0.0.1",
                    "tributary.iot.port",
                    Integer.toString(port),
                    "tributary.iot.client-id",
                    "ingest-iot-tls",
                    "tributary.iot.username",
                    USER,
                    "tributary.iot.password-file",
                    dir.path().resolve("password").toString(),
                    "tributary.iot.tls.enabled",
                    "true",
                    "tributary.iot.tls.trust-certificate",
                    certificate().toString());
        }

        @Override
        public void stop() {
            Resources.closeAll(broker, dir);
        }

        private static void writeCertificate(Path dir) throws IOException {
            Path keystore = dir.resolve("broker.p12");
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            ManagedProcess keygen = ManagedProcess.start(
                    "keytool",
                    dir.resolve("keytool.log"),
                    keytool.toString(),
                    "-genkeypair",
                    "-alias",
                    "broker",
                    "-keyalg",
                    "EC",
                    "-groupname",
                    "secp256r1",
                    "-dname",
                    "CN=localhost",
                    "-ext",
                    "SAN=ip:127.0.0.1,dns:localhost",
                    "-validity",
                    "2",
                    "-storetype",
                    "PKCS12",
                    "-keystore",
                    keystore.toString(),
                    "-storepass",
                    "changeit");
            Awaitility.await().atMost(Records.WAIT).until(() -> !keygen.isAlive());
            try (InputStream in = Files.newInputStream(keystore)) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(in, "changeit".toCharArray());
                Files.writeString(
                        dir.resolve("broker.key"),
                        pem(
                                "PRIVATE KEY",
                                store.getKey("broker", "changeit".toCharArray()).getEncoded()));
                Files.writeString(
                        certificate(),
                        pem("CERTIFICATE", store.getCertificate("broker").getEncoded()));
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("reading the test key store failed", e);
            }
        }

        private static String pem(String type, byte[] der) {
            return "-----BEGIN " + type + "-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + type
                    + "-----\n";
        }

        /** Mosquitto's "$6$" password hash: SHA-512 over the password then the salt. */
        private static String sha512Hash(String password) {
            try {
                byte[] salt = new byte[12];
                new SecureRandom().nextBytes(salt);
                MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
                sha512.update(password.getBytes(StandardCharsets.UTF_8));
                byte[] hash = sha512.digest(salt);
                return "$6$" + Base64.getEncoder().encodeToString(salt) + "$"
                        + Base64.getEncoder().encodeToString(hash);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
