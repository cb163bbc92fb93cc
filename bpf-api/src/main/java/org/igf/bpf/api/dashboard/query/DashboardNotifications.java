package org.igf.bpf.api.dashboard.query;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Tells every node which forums' cards changed, whichever node's dashboard projection applied the
 * change: the projection sends a PostgreSQL NOTIFY in the transaction that updates the row (so it
 * is delivered only if and when that commits), and each node LISTENs on one connection of its own
 * and hands what it hears to {@link DashboardChanges}, which pushes it to the pages open on that
 * node. After a database outage the listener connects again by itself.
 */
@Component
public class DashboardNotifications implements AutoCloseable {

    static final String CHANNEL = "bpf_dashboard";
    private static final Logger log = LoggerFactory.getLogger(DashboardNotifications.class);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final DashboardChanges changes;
    private final Thread listener;
    private volatile boolean running = true;

    public DashboardNotifications(DataSource dataSource, JdbcTemplate jdbc, DashboardChanges changes) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.changes = changes;
        this.listener = new Thread(this::listen, "dashboard-notifications");
        this.listener.setDaemon(true);
        this.listener.start();
    }

    /** Announces, within the caller's transaction, that a forum's card changed (null: all cards). */
    public void changed(String forumId) {
        changedForums(List.of(forumId == null ? DashboardChanges.EVERYTHING : forumId));
    }

    /** Announces, within the caller's transaction and in one statement, that these forums' cards changed. */
    public void changedForums(List<String> forumIds) {
        if (forumIds.isEmpty()) {
            return;
        }
        jdbc.query("select pg_notify(?, id) from unnest(cast(? as text[])) as id", (RowCallbackHandler) row -> { },
                CHANNEL, forumIds.toArray(String[]::new));
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(500);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            String forumId = notification.getParameter();
                            changes.changed(DashboardChanges.EVERYTHING.equals(forumId) ? null : forumId);
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.debug("Dashboard notifications interrupted ({}); listening again shortly", e.getMessage());
                    pause();
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        listener.join(2000);
    }
}
