package org.igf.bpf.api.comment;

import com.fasterxml.jackson.databind.JsonNode;
import org.igf.bpf.api.Api;
import org.igf.bpf.api.ApiTest;
import org.igf.bpf.api.forum.Forums;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.igf.bpf.api.Api.json;

/** Public comments under attack: anonymous but rate-limited, idempotent on retry, bounded in size. */
@ApiTest
class CommentAbuseTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    Forums forums;
    String forum;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        forums = new Forums(api);
        forum = forums.aForumInConsultation(Instant.now().plusSeconds(3600));
    }

    /** One test, because every anonymous client of this suite shares one address and so one bucket. */
    @Test
    void anonymousCommentsAreFromThePublicAndARateLimitedClientIsRefusedWhileOthersAreNot() {
        Api.Response anonymous = api.post("/api/forums/" + forum + "/comments", Api.ANONYMOUS,
                json("author", "Jane Public", "email", "jane@example.org", "text", "Please cite sources.", "paragraph", 1));
        assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(201);
        String id = anonymous.json().get("id").asText();
        assertThat(jdbc.queryForObject("select email from comment_contact where comment_id = ?", String.class, id))
                .isEqualTo("jane@example.org");
        assertThat(jdbc.queryForList("select convert_from(payload, 'UTF8') || convert_from(meta_data, 'UTF8') from domain_event_entry "
                + "where aggregate_identifier = ? and payload_type like '%.CommentSubmitted'", String.class, forum))
                .singleElement().satisfies(event -> assertThat(event).contains("\"actor\":\"public\"").doesNotContain("jane@example.org"));

        List<Integer> statuses = new ArrayList<>(List.of(anonymous.status()));
        Api.Response last = null;
        for (int i = 0; i < 6; i++) {
            last = api.post("/api/forums/" + forum + "/comments", Api.ANONYMOUS, json("author", "Flood " + i, "text", "Spam " + i));
            statuses.add(last.status());
        }

        assertThat(statuses).startsWith(201).contains(429).endsWith(429);
        assertThat(last.header("Retry-After")).matches("[1-9][0-9]*");
        assertThat(last.json().get("code").asText()).isEqualTo("comments.rate-limited");
        assertThat(last.json().get("detail").asText()).contains("try again in");
        String other = freshAccount();
        assertThat(api.post("/api/forums/" + forum + "/comments", other, json("author", "Someone else", "text", "Hello")).status())
                .isEqualTo(201);
        assertThat(commentsOf(forum)).isEqualTo(statuses.stream().filter(s -> s == 201).count() + 1);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswerAndNoSecondComment() {
        String client = freshAccount();
        String key = "retry-" + UUID.randomUUID();

        Api.Response first = comment(client, key, "My only comment");
        Api.Response retry = comment(client, key, "My only comment");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(commentsOf(forum)).isEqualTo(1);
        assertThat(comment(client, "another-" + key, "A second comment").json().get("id").asText())
                .isNotEqualTo(first.json().get("id").asText());
        assertThat(commentsOf(forum)).isEqualTo(2);
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOneComment() throws Exception {
        String client = freshAccount();
        String key = "race-" + UUID.randomUUID();
        CyclicBarrier start = new CyclicBarrier(3);
        Callable<Api.Response> send = () -> {
            start.await();
            return comment(client, key, "Sent three times at once");
        };
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<JsonNode> answers = new ArrayList<>();
            for (Future<Api.Response> answer : pool.invokeAll(List.of(send, send, send))) {
                assertThat(answer.get().status()).as(answer.get().toString()).isEqualTo(201);
                answers.add(answer.get().json());
            }
            assertThat(answers).allSatisfy(answer -> assertThat(answer).isEqualTo(answers.get(0)));
            assertThat(commentsOf(forum)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesOversizedBodiesAndBadKeys() {
        String client = freshAccount();
        Api.Response huge = api.post("/api/forums/" + forum + "/comments", client, json("author", "Big", "text", "x".repeat(2_000_000)));
        Api.Response tooLong = api.post("/api/forums/" + forum + "/comments", client, json("author", "Long", "text", "x".repeat(10_001)));
        Api.Response badKey = comment(client, "spaces are not allowed", "Hello");
        Api.Response badEmail = api.post("/api/forums/" + forum + "/comments", client, json("author", "A", "email", "not-an-email", "text", "t"));

        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.json().get("code").asText()).isEqualTo("request.too-large");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(badKey.json().get("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(badEmail.json().at("/errors/0/field").asText()).isEqualTo("email");
        assertThat(commentsOf(forum)).isZero();
    }

    @Test
    void setsSecurityHeadersOnApiAnswers() {
        Api.Response response = api.get("/api/forums/" + forum, null);

        assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    private Api.Response comment(String credentials, String key, String text) {
        return api.send(api.request("/api/forums/" + forum + "/comments", credentials)
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(json("author", "Retrying Robin", "text", text))));
    }

    private long commentsOf(String forumId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like '%.CommentSubmitted'",
                Long.class, forumId);
    }

    private String freshAccount() {
        String username = "commenter-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = api.post("/api/accounts", Api.SECRETARIAT,
                json("username", username, "password", "a long enough password", "roles", List.of("EXPERT")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return username + ":a long enough password";
    }
}
