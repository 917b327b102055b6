package io.tributary.devstack.bench;

import io.tributary.devstack.infra.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * What the database itself writes on this machine: rows shaped like a run (uuid key, series, state, JSON, time)
 * inserted into a scratch table of the stack's database in batches of 1,000, which the driver sends as multi-row
 * INSERTs ({@code reWriteBatchedInserts}), one transaction per batch. The table is dropped afterwards.
 */
final class PostgresBaseline {
    private static final int BATCH = 1000;

    private PostgresBaseline() {}

    /** @return rows inserted per second */
    static double run(String jdbcUrl, int rows) throws SQLException {
        try (Connection connection =
                DriverManager.getConnection(jdbcUrl + "?reWriteBatchedInserts=true", PostgresServer.USER, "")) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("drop table if exists bench_scratch");
                ddl.execute("create table bench_scratch (id uuid primary key, series_key text not null,"
                        + " state text not null, payload jsonb, created_at timestamptz not null)");
            }
            connection.setAutoCommit(false);
            try {
                insert(connection, Math.min(rows, 10_000)); // warm-up, not timed
                long start = System.nanoTime();
                insert(connection, rows);
                return rows / ((System.nanoTime() - start) / 1e9);
            } finally {
                connection.setAutoCommit(true);
                try (Statement ddl = connection.createStatement()) {
                    ddl.execute("drop table bench_scratch");
                }
            }
        }
    }

    private static void insert(Connection connection, int rows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into bench_scratch (id, series_key, state, payload, created_at) values (?, ?, ?, ?::jsonb, ?)")) {
            for (int i = 0; i < rows; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, "/iot/devices|baseline-d" + (i % 100));
                insert.setString(3, "COMPLETED");
                insert.setString(4, "{\"metric\":\"temperature\",\"count\":" + i + ",\"mean\":20.5}");
                insert.setTimestamp(5, Timestamp.from(Instant.now()));
                insert.addBatch();
                if ((i + 1) % BATCH == 0 || i == rows - 1) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
        }
    }
}
