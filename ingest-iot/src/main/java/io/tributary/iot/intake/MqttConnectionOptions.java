package io.tributary.iot.intake;

import io.smallrye.mutiny.Uni;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The MQTT client's options: a persistent session under the configured client id, manual acknowledgement, and the
 * credentials and TLS material. A password file is read again at every connection, so a rotated Secret is picked up
 * without a restart.
 */
@ApplicationScoped
public class MqttConnectionOptions {
    private final IotConfig config;
    private final Vertx vertx;

    public MqttConnectionOptions(IotConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
    }

    public Uni<MqttClientOptions> create() {
        MqttClientOptions options = new MqttClientOptions()
                .setClientId(config.clientId())
                .setCleanSession(false)
                .setAutoKeepAlive(true)
                // Netty 4.1's MqttDecoder size check misfires on back-to-back frames ("message length exceeds 8092:
                // 90") and drops the connection, so it is disabled; the payload limit is applied per message instead
                // (max-payload-bytes), where an oversized payload becomes a dead letter rather than a lost connection.
                .setMaxMessageSize(Integer.MAX_VALUE);
        options.setAutoAck(false);
        tls(options, config.tls());
        config.username().ifPresent(options::setUsername);
        return config.passwordFile()
                .map(file -> vertx.fileSystem()
                        .readFile(file.toString())
                        .map(Buffer::toString)
                        .map(password -> password.replaceFirst("\\R\\z", "")))
                .orElseGet(() -> Uni.createFrom().item(config.password().orElse(null)))
                .map(password -> password == null ? options : options.setPassword(password));
    }

    private static void tls(MqttClientOptions options, IotConfig.Tls tls) {
        if (!tls.enabled()) {
            return;
        }
        options.setSsl(true);
        options.setHostnameVerificationAlgorithm(tls.verifyHostname() ? "HTTPS" : "");
        tls.trustCertificate()
                .ifPresent(ca -> options.setPemTrustOptions(new PemTrustOptions().addCertPath(ca.toString())));
        tls.clientCertificate()
                .ifPresent(certificate -> options.setPemKeyCertOptions(new PemKeyCertOptions()
                        .setCertPath(certificate.toString())
                        .setKeyPath(tls.clientKey()
                                .orElseThrow(() -> new IllegalStateException(
                                        "tributary.iot.tls.client-key is required with a client certificate"))
                                .toString())));
    }
}
