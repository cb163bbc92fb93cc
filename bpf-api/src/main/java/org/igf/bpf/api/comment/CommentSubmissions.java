package org.igf.bpf.api.comment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Makes comment submission idempotent per client and {@code Idempotency-Key}: the first request
 * records its answer in the same transaction as its event; a retry with the same key gets that
 * answer back and records nothing. Two concurrent requests with one key: the second waits on the
 * key's row and then answers like a retry. Works across nodes (the row is in the shared database).
 */
@Component
public class CommentSubmissions {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public CommentSubmissions(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<Map<String, Object>> previousAnswer(String clientKey, String idempotencyKey) {
        return jdbc.query("select answer from comment_submission where client_key = ? and idempotency_key = ? and answer is not null",
                (rs, i) -> read(rs.getString(1)), clientKey, idempotencyKey).stream().findFirst();
    }

    /**
     * Runs {@code submit} in one transaction with the comment's contact row; with an idempotency key,
     * once per key, its answer stored with the event it caused.
     */
    @Transactional
    public Map<String, Object> submit(String clientKey, String idempotencyKey, String forumId, String email,
                                      Supplier<Map<String, Object>> submit) {
        if (idempotencyKey == null) {
            return withContact(submit.get(), email);
        }
        int claimed = jdbc.update("insert into comment_submission (client_key, idempotency_key, forum_id, created_at) "
                + "values (?, ?, ?, now()) on conflict do nothing", clientKey, idempotencyKey, forumId);
        if (claimed == 0) {
            return previousAnswer(clientKey, idempotencyKey).orElseThrow(() ->
                    new IllegalStateException("Idempotency key claimed without an answer"));
        }
        Map<String, Object> answer = withContact(submit.get(), email);
        jdbc.update("update comment_submission set answer = cast(? as jsonb) where client_key = ? and idempotency_key = ?",
                write(answer), clientKey, idempotencyKey);
        return answer;
    }

    /** The commenter's email is personal data: kept out of the immutable event store, so it can be erased. */
    private Map<String, Object> withContact(Map<String, Object> answer, String email) {
        if (email != null && !email.isBlank()) {
            jdbc.update("insert into comment_contact (comment_id, email) values (?, ?)", answer.get("id"), email.strip());
        }
        return answer;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(String document) {
        try {
            return json.readValue(document, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Map<String, Object> answer) {
        try {
            return json.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
