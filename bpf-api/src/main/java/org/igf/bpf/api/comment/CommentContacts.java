package org.igf.bpf.api.comment;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * A commenter's optional email is personal data: it is kept out of the immutable event store, in a
 * table of its own, so that it can be erased on request. It is written in one transaction with the
 * comment's event.
 */
@Component
public class CommentContacts {

    private static final int MAX_ATTEMPTS = 8;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public CommentContacts(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * Runs {@code submit} (which answers the new comment's id) and records the email with it, in one
     * transaction. Comments do not depend on each other, so when another comment to the same forum
     * took the forum's next event first (another thread or node), the submission simply runs again.
     * Inside a caller's transaction that cannot be done here; the caller retries the whole of it.
     */
    public String submitRetryingConflicts(String email, Supplier<String> submit) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return transaction.execute(status -> submitOnce(email, submit));
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> submitOnce(email, submit));
            } catch (ConcurrencyException lostRace) {
                if (attempt == MAX_ATTEMPTS) {
                    throw lostRace;
                }
                sleepAWhile(attempt);
            }
        }
    }

    private String submitOnce(String email, Supplier<String> submit) {
        String commentId = submit.get();
        if (email != null && !email.isBlank()) {
            jdbc.update("insert into comment_contact (comment_id, email) values (?, ?)", commentId, email.strip());
        }
        return commentId;
    }

    private static void sleepAWhile(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
