package org.igf.bpf.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Two application nodes on one PostgreSQL server, which this harness owns: it can stop and restart
 * the server (same data directory, same port) and kill a node.
 */
final class Cluster implements AutoCloseable {

    private final Path dir;
    private final Path jar;
    private final int databasePort;
    private EmbeddedPostgres database;
    final Node a;
    final Node b;

    Cluster(Path dir, Path jar) throws IOException {
        this.dir = dir;
        this.jar = jar;
        Files.createDirectories(dir.resolve("logs"));
        this.databasePort = freePort();
        Map<String, String> environment = Map.of(
                "BPF_DB_URL", "jdbc:postgresql://localhost:" + databasePort + "/postgres",
                "BPF_DB_USER", "postgres",
                "BPF_DB_PASSWORD", "",
                "BPF_DEMO_ACCOUNTS", "true",
                "AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        this.a = new Node("node-a", freePort(), jar, dir.resolve("logs"), environment);
        this.b = new Node("node-b", freePort(), jar, dir.resolve("logs"), environment);
    }

    void start() throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Package the application first (./mvnw -B package): " + jar + " is missing");
        }
        startDatabase();
        a.start(); // the first node creates the schema; the second joins it
        b.start();
    }

    void startDatabase() throws IOException {
        database = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("pg"))
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(dir.resolve("pg-binaries").toFile())
                .setPort(databasePort)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200")
                .start();
    }

    void stopDatabase() throws IOException {
        database.close();
    }

    Connection sql() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + databasePort + "/postgres", "postgres", "");
    }

    long count(String query, Object... parameters) throws SQLException {
        try (Connection connection = sql(); PreparedStatement statement = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    List<String> strings(String query, Object... parameters) throws SQLException {
        try (Connection connection = sql(); PreparedStatement statement = connection.prepareStatement(query)) {
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

    long events(String forum, String type) throws SQLException {
        return count("select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like ?", forum, "%." + type);
    }

    /** The stage the forum's BPMN token waits in: its open user task, or CONCLUDED when the process has ended. */
    String bpmnStage(String forum) throws SQLException {
        List<String> tasks = strings("select t.task_def_key_ from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_ "
                + "where e.business_key_ = ?", forum);
        if (tasks.isEmpty()) {
            return count("select count(*) from act_hi_procinst where business_key_ = ? and end_time_ is not null", forum) == 1
                    ? "CONCLUDED" : "NONE";
        }
        return tasks.get(0).replace("Task_", "").replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }

    String readModelStage(String forum) throws SQLException {
        List<String> stages = strings("select stage from forum_view where forum_id = ?", forum);
        return stages.isEmpty() ? "NONE" : stages.get(0);
    }

    @Override
    public void close() throws Exception {
        a.stop();
        b.stop();
        if (database != null) {
            database.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
