package io.tributary.devstack.infra;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds a server binary installed on this machine, on the PATH or at its Debian location. */
final class Executables {
    private Executables() {}

    static Path find(String name, String... knownLocations) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        for (String location : knownLocations) {
            Path candidate = Path.of(location);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
