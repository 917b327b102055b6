package io.tributary.http.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** The values of the running service's configuration that are secrets by their property's name. */
public final class ConfiguredSecrets {
    private static final Pattern SECRET_NAME =
            Pattern.compile(".*(password|secret|token|sasl\\.jaas\\.config|credentials?)$");
    /** Shorter values (a test broker's "guest") would be found by chance in unrelated text. */
    private static final int MIN_LENGTH = 8;

    private ConfiguredSecrets() {}

    /** A {@code file:<path>} secret is the file's content, as the services read it. */
    private static String resolved(String value) {
        if (!value.startsWith("file:")) {
            return value;
        }
        try {
            return Files.readString(Path.of(value.substring("file:".length()))).trim();
        } catch (IOException e) {
            return "";
        }
    }

    public static Set<String> values() {
        Config config = ConfigProvider.getConfig();
        Set<String> secrets = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            if (SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
                config.getOptionalValue(name, String.class)
                        .map(ConfiguredSecrets::resolved)
                        .filter(value -> value.length() >= MIN_LENGTH)
                        .ifPresent(secrets::add);
            }
        }
        return secrets;
    }
}
