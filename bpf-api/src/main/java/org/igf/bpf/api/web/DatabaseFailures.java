package org.igf.bpf.api.web;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Tells a database that cannot be reached (or went away mid-request) from a fault of the request. */
public final class DatabaseFailures {

    /** Request attribute set when a request lost a race for an aggregate's next event (a retry may succeed). */
    public static final String CONCURRENT_CHANGE = DatabaseFailures.class.getName() + ".concurrentChange";

    /** What HikariCP answers, without an SQL state, for a statement on a connection it has closed. */
    private static final String CLOSED_CONNECTION = "Connection is closed";

    private DatabaseFailures() {
    }

    public static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof CannotGetJdbcConnectionException
                    // commit or rollback itself failed: the connection went away under the transaction
                    || cause instanceof TransactionSystemException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    // 08: connection exception; 57P: the server is shutting down or restarting
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() == null && CLOSED_CONNECTION.equals(sql.getMessage())) {
                // the pool closed the connection after the server dropped it, and a later statement of the
                // same transaction used it (Axon reads the stream after a failed snapshot read, for one)
                return true;
            }
        }
        return false;
    }
}
