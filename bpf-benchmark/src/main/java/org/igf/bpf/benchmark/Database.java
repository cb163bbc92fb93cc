package org.igf.bpf.benchmark;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The one PostgreSQL server of a run, owned by the benchmark: fsync and synchronous_commit on, as the
 * application's embedded default store runs. Each party (raw JDBC, bare Camunda, bare Axon, the
 * application) gets its own database on it.
 */
final class Database implements AutoCloseable {

    private final EmbeddedPostgres server;
    private final long postmasterPid;

    Database(Path dir) throws IOException {
        Path data = dir.resolve("pg");
        deleteRecursively(data); // a fresh cluster each run, also after an interrupted one
        server = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                .setOverrideWorkingDirectory(dir.resolve("pg-binaries").toFile())
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .start();
        // the first line of postmaster.pid is the server's process id
        postmasterPid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    }

    static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var paths = Files.walk(path)) {
                for (Path each : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(each);
                }
            }
        }
    }

    /** The process id of the server (its postmaster); the backends and helpers run under it. */
    long postmasterPid() {
        return postmasterPid;
    }

    int port() {
        return server.getPort();
    }

    String url(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    void create(String database) throws SQLException {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        }
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), "postgres", "");
    }

    HikariDataSource pool(String database, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url(database));
        config.setUsername("postgres");
        config.setPassword("");
        config.setMaximumPoolSize(size);
        config.setPoolName("bench-" + database);
        return new HikariDataSource(config);
    }

    String show(String setting) throws SQLException {
        return strings("postgres", "show " + setting).get(0);
    }

    long count(String database, String query, Object... parameters) throws SQLException {
        return Long.parseLong(strings(database, query, parameters).get(0));
    }

    List<String> strings(String database, String query, Object... parameters) throws SQLException {
        try (Connection connection = connect(database); PreparedStatement statement = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    int update(String database, String query, Object... parameters) throws SQLException {
        try (Connection connection = connect(database); PreparedStatement statement = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
