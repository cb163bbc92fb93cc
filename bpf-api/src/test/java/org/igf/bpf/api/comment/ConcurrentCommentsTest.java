package org.igf.bpf.api.comment;

import org.igf.bpf.api.Api;
import org.igf.bpf.api.ApiTest;
import org.igf.bpf.api.forum.Forums;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.igf.bpf.api.Api.json;

/**
 * Many clients commenting on one consultation at once: every acknowledged comment is stored, with
 * its email and attributed to its own request; a refused one is refused alone.
 */
@ApiTest
class ConcurrentCommentsTest {

    private static final int CLIENTS = 12;
    private static final int COMMENTS_EACH = 6;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyAcknowledgedCommentIsStoredWithItsEmailAndItsRequestAndEveryRefusalIsItsOwn() throws Exception {
        Api api = new Api(port);
        String forum = new Forums(api).aForumInConsultation(Instant.now().plusSeconds(3600));
        CyclicBarrier start = new CyclicBarrier(CLIENTS);
        List<Callable<List<Sent>>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(() -> {
                start.await();
                List<Sent> sent = new ArrayList<>();
                for (int i = 0; i < COMMENTS_EACH; i++) {
                    String requestId = "req-" + client + "-" + i;
                    boolean bad = i == 2; // no such paragraph
                    Api.Response answer = api.send(api.request("/api/forums/" + forum + "/comments", Api.COORDINATOR)
                            .header("Content-Type", "application/json").header("X-Request-Id", requestId)
                            .POST(HttpRequest.BodyPublishers.ofString(json("author", "Client " + client, "paragraph", bad ? 99 : 1,
                                    "email", "client" + client + "-" + i + "@example.org", "text", "Comment " + requestId))));
                    sent.add(new Sent(requestId, bad, answer));
                }
                return sent;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Sent> all = new ArrayList<>();
        try {
            for (Future<List<Sent>> done : pool.invokeAll(clients)) {
                all.addAll(done.get());
            }
        } finally {
            pool.shutdownNow();
        }

        for (Sent sent : all) {
            if (sent.bad()) {
                assertThat(sent.answer().status()).as(sent.answer().toString()).isEqualTo(422);
                assertThat(sent.answer().json().get("code").asText()).isEqualTo("comment.unknown-paragraph");
            } else {
                assertThat(sent.answer().status()).as(sent.answer().toString()).isEqualTo(201);
            }
        }
        List<Map<String, Object>> stored = jdbc.queryForList("select convert_from(payload, 'UTF8')::json->>'commentId' as id, "
                + "convert_from(payload, 'UTF8')::json->>'text' as text, convert_from(meta_data, 'UTF8')::json->>'requestId' as request "
                + "from domain_event_entry where aggregate_identifier = ? and payload_type like '%.CommentSubmitted'", forum);
        List<Sent> accepted = all.stream().filter(sent -> !sent.bad()).toList();
        assertThat(stored).hasSize(accepted.size());
        for (Sent sent : accepted) {
            String id = sent.answer().json().get("id").asText();
            assertThat(stored).filteredOn(row -> id.equals(row.get("id"))).singleElement()
                    .satisfies(row -> assertThat(row.get("text")).isEqualTo("Comment " + sent.requestId()))
                    .satisfies(row -> assertThat(row.get("request")).isEqualTo(sent.requestId()));
            assertThat(jdbc.queryForObject("select email from comment_contact where comment_id = ?", String.class, id))
                    .isEqualTo("client" + sent.requestId().substring(4).replaceFirst("-", "-") + "@example.org");
        }
        assertThat(jdbc.queryForObject("select count(*) from comment_contact c join domain_event_entry e "
                + "on convert_from(e.payload, 'UTF8')::json->>'commentId' = c.comment_id where e.aggregate_identifier = ?",
                Long.class, forum)).isEqualTo(accepted.size());
    }

    private record Sent(String requestId, boolean bad, Api.Response answer) {
    }
}
