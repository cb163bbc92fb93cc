package org.igf.bpf.api.dashboard.query;

import org.igf.bpf.api.config.ChannelListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.List;

/**
 * Tells every node which forums' cards changed, whichever node's dashboard projection applied the
 * change: the projection sends a PostgreSQL NOTIFY in the transaction that updates the row (so it
 * is delivered only if and when that commits), and each node LISTENs ({@link ChannelListener}) and hands
 * what it hears to {@link DashboardChanges}, which pushes it to the pages open on that node.
 */
@Component
public class DashboardNotifications implements AutoCloseable {

    static final String CHANNEL = "bpf_dashboard";

    private final JdbcTemplate jdbc;
    private final ChannelListener listener;

    public DashboardNotifications(DataSource dataSource, JdbcTemplate jdbc, DashboardChanges changes) {
        this.jdbc = jdbc;
        this.listener = new ChannelListener(dataSource, CHANNEL, "dashboard-notifications",
                forumId -> changes.changed(DashboardChanges.EVERYTHING.equals(forumId) ? null : forumId));
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

    @Override
    public void close() throws InterruptedException {
        listener.close();
    }
}
