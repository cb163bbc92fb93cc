package org.igf.bpf.api.projection;

import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the stored documents of a read table's rows by their forum ids, for a batch of events
 * ({@link BatchedRows}). The query is planned for each call with the ids at hand and is never kept
 * prepared on the server: after five calls the PostgreSQL driver prepares a statement on the server,
 * and PostgreSQL then may keep one generic plan for it. Made while the table was nearly empty, that
 * plan reads the whole table, and it is kept until the table is analysed, which in a new database
 * can take minutes; meanwhile every batch scans every row. Planning this one query costs less than
 * scanning a few hundred rows.
 */
public final class DocumentsByIds {

    private DocumentsByIds() {
    }

    /** {@code forum_id} and {@code document} (jsonb) of the rows of {@code table} with these ids; absent ones are left out. */
    public static Map<String, String> read(JdbcTemplate jdbc, String table, List<String> forumIds) {
        String sql = "select forum_id, document from " + table + " where forum_id = any(?)";
        Map<String, String> documents = new HashMap<>();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.unwrap(PGStatement.class).setPrepareThreshold(0); // planned at every call, never server-prepared
            statement.setObject(1, forumIds.toArray(String[]::new));
            return statement;
        }, (RowCallbackHandler) rs -> documents.put(rs.getString(1), rs.getString(2)));
        return documents;
    }
}
