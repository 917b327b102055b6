package io.tributary.http.testing;

import org.eclipse.microprofile.config.ConfigProvider;

/** Addresses on the management interface of the service under test (health, metrics), apart from the API's port. */
public final class Management {
    /** Quarkus' default management port in test mode. */
    private static final int TEST_PORT = 9001;

    private Management() {}

    /** @param path such as {@code /q/health/ready} */
    public static String url(String path) {
        int port = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.management.test-port", Integer.class)
                .orElse(TEST_PORT);
        return "http://localhost:" + port + path;
    }
}
