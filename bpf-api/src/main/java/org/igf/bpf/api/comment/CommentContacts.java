package org.igf.bpf.api.comment;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * A commenter's optional email is personal data: it is kept out of the immutable event store, in a
 * table of its own, so that it can be erased on request. It is written in the transaction of the
 * comment's event (see {@link CommentIntake}).
 */
@Component
public class CommentContacts {

    private final JdbcTemplate jdbc;

    public CommentContacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the emails (comment id to email) in the current transaction; blank ones are skipped. */
    public void record(Map<String, String> emailsByComment) {
        List<Object[]> rows = emailsByComment.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> new Object[] {e.getKey(), e.getValue().strip()})
                .toList();
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("insert into comment_contact (comment_id, email) values (?, ?)", rows);
        }
    }
}
