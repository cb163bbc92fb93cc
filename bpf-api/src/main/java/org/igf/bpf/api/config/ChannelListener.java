package org.igf.bpf.api.config;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * LISTENs on one PostgreSQL channel, on a connection of its own held by a thread of its own, and
 * hands every notification to its {@link Subscriber}. A NOTIFY sent in a transaction is delivered
 * only if and when that transaction commits, to every node listening. When the connection breaks
 * (a database outage, a restart; a connection that delivers nothing is checked every 5 s) the
 * subscriber is told that it may have missed notifications, the broken connection is taken out of
 * the pool, and the listener connects and listens again by itself.
 */
public final class ChannelListener implements AutoCloseable {

    /** What a listener hands its notifications to; called on the listener's thread. */
    public interface Subscriber {
        /** The channel is listened to from now on (first, and again after every break). */
        default void subscribed() {
        }

        void notified(String payload);

        /** The connection broke: notifications sent from now until {@link #subscribed()} are lost. */
        default void unsubscribed() {
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ChannelListener.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final int POLL_MILLIS = 500;
    private static final long CHECK_NANOS = 5_000_000_000L;

    private final DataSource dataSource;
    private final String channel;
    private final Subscriber subscriber;
    private final Thread thread;
    private volatile boolean running = true;

    public ChannelListener(DataSource dataSource, String channel, String threadName, Subscriber subscriber) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("Not a plain channel name: " + channel);
        }
        this.dataSource = dataSource;
        this.channel = channel;
        this.subscriber = subscriber;
        this.thread = new Thread(this::listen, threadName);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void listen() {
        while (running) {
            Connection connection = null;
            boolean subscribed = false;
            boolean broken = true; // until the loop ends because the listener is closed
            try {
                connection = dataSource.getConnection();
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                    subscribed = true;
                    subscriber.subscribed();
                    PGConnection postgres = connection.unwrap(PGConnection.class);
                    long nextCheck = System.nanoTime() + CHECK_NANOS;
                    while (running) {
                        PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
                        if (notifications != null) {
                            for (PGNotification notification : notifications) {
                                subscriber.notified(notification.getParameter());
                            }
                        }
                        if (System.nanoTime() - nextCheck > 0) {
                            // a connection that silently stopped delivering (a network partition) fails here,
                            // after the socket timeout at the latest; listening again on the channel changes nothing
                            statement.execute("LISTEN " + channel);
                            nextCheck = System.nanoTime() + CHECK_NANOS;
                        }
                    }
                    broken = false;
                }
            } catch (SQLException e) {
                if (running) {
                    log.debug("Listening on {} interrupted ({}); listening again shortly", channel, e.getMessage());
                }
            } catch (RuntimeException e) {
                log.warn("A notification on {} could not be handled; listening again shortly", channel, e);
            } finally {
                if (subscribed) {
                    subscriber.unsubscribed();
                }
                if (broken) {
                    discard(connection);
                } else {
                    close(connection);
                }
            }
            if (running) {
                pause();
            }
        }
    }

    /**
     * Takes a broken connection out of the pool: the pool saw no failure (notifications are read past
     * it) and would otherwise hand the dead connection to the next request.
     */
    private void discard(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
                return;
            }
        } catch (SQLException | RuntimeException ignored) {
            // closed below instead
        }
        close(connection);
    }

    private static void close(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // a broken connection cannot be closed cleanly
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
        thread.join(2000);
    }
}
