package org.igf.bpf.api.web;

import org.igf.bpf.api.Api;
import org.igf.bpf.api.ApiTest;
import org.igf.bpf.api.forum.Forums;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpRequest;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.igf.bpf.api.Api.json;

/** Any write retried with the same Idempotency-Key gets the first answer and has no second effect. */
@ApiTest
class IdempotencyTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRetriedAdvanceGetsTheFirstAnswerInsteadOfAConflict() {
        Api api = new Api(port);
        Forums forums = new Forums(api);
        String id = forums.aNewForum();
        forums.registerBalancedExperts(id);
        String key = "advance-" + UUID.randomUUID();

        Api.Response first = post(api, "/api/forums/" + id + "/advance", key, json("from", "EXPERT_RECRUITMENT"));
        Api.Response retry = post(api, "/api/forums/" + id + "/advance", key, json("from", "EXPERT_RECRUITMENT"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(count(id, "DiscussionStarted")).isEqualTo(1);
        assertThat(post(api, "/api/forums/" + id + "/advance", "other-" + key, json("from", "EXPERT_RECRUITMENT")).status())
                .as("without the key the stale request is a conflict").isEqualTo(409);
    }

    @Test
    void aRetriedCreationKeepsItsLocationAndCreatesOneForum() {
        Api api = new Api(port);
        String key = "create-" + UUID.randomUUID();
        String body = json("cycle", 2015, "topic", "Idempotent " + key);

        Api.Response first = api.send(api.request("/api/forums", Api.SECRETARIAT).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)));
        Api.Response retry = api.send(api.request("/api/forums", Api.SECRETARIAT).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like '%.ForumCreated' "
                + "and convert_from(payload, 'UTF8') like ?", Long.class, "%Idempotent " + key + "%")).isEqualTo(1);
    }

    @Test
    void aKeyReusedForADifferentRequestIsRefused() {
        Api api = new Api(port);
        Forums forums = new Forums(api);
        String id = forums.aNewForum();
        String key = "expert-" + UUID.randomUUID();
        assertThat(post(api, "/api/forums/" + id + "/experts", key, json("name", "Ana", "stakeholderGroup", "ACADEMIA")).status())
                .isEqualTo(201);

        Api.Response reused = post(api, "/api/forums/" + id + "/experts", key, json("name", "Ben", "stakeholderGroup", "ACADEMIA"));

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("code").asText()).isEqualTo("request.idempotency-key-reused");
        assertThat(count(id, "ExpertRegistered")).isEqualTo(1);
    }

    @Test
    void aRefusedRequestIsNotRememberedSoItsRetryIsDecidedAfresh() {
        Api api = new Api(port);
        Forums forums = new Forums(api);
        String id = forums.aNewForum();
        String key = "gate-" + UUID.randomUUID();

        assertThat(post(api, "/api/forums/" + id + "/advance", key, json("from", "EXPERT_RECRUITMENT")).status()).isEqualTo(422);
        forums.registerBalancedExperts(id);

        assertThat(post(api, "/api/forums/" + id + "/advance", key, json("from", "EXPERT_RECRUITMENT")).status()).isEqualTo(200);
    }

    private static Api.Response post(Api api, String path, String key, String body) {
        return api.send(api.request(path, Api.COORDINATOR).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private long count(String forum, String type) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like ?",
                Long.class, forum, "%." + type);
    }
}
