package org.igf.bpf.api.comment;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.function.Supplier;

/**
 * A commenter's optional email is personal data: it is kept out of the immutable event store, in a
 * table of its own, so that it can be erased on request. It is written in one transaction with the
 * comment's event.
 */
@Component
public class CommentContacts {

    private final JdbcTemplate jdbc;

    public CommentContacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs {@code submit} (which answers the new comment's id) and records the email with it. */
    @Transactional
    public String submit(String email, Supplier<String> submit) {
        String commentId = submit.get();
        if (email != null && !email.isBlank()) {
            jdbc.update("insert into comment_contact (comment_id, email) values (?, ?)", commentId, email.strip());
        }
        return commentId;
    }
}
