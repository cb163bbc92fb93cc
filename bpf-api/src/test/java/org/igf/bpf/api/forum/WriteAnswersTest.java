package org.igf.bpf.api.forum;

import com.fasterxml.jackson.databind.JsonNode;
import org.igf.bpf.api.Api;
import org.igf.bpf.api.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.igf.bpf.api.Api.json;

/**
 * The answer to a request that changed a forum is folded from the forum as the request read it and
 * the events the request committed (the stage transition's, its delegate's): it must be the forum as
 * its whole stored stream folds, with nothing missed and nothing of another request mixed in.
 */
@ApiTest
class WriteAnswersTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eachAnswerIsTheForumAsItsStoredEventsFold() {
        Api api = new Api(port);
        Forums forums = new Forums(api);
        String id = forums.aNewForum();
        forums.registerBalancedExperts(id);

        assertIsTheStoredForum(api, id, forums.advance(id, "EXPERT_RECRUITMENT"), "DISCUSSION");
        assertIsTheStoredForum(api, id, forums.advance(id, "DISCUSSION"), "DRAFTING");
        forums.draft(id, "One.\n\nTwo.");
        Instant closesAt = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        assertIsTheStoredForum(api, id, forums.advance(id, "DRAFTING", "consultationClosesAt", closesAt.toString()),
                "PUBLIC_CONSULTATION");

        Api.Response appointed = api.post("/api/forums/" + id + "/coordinators", Api.SECRETARIAT,
                json("name", "A. Second", "kind", "PERSON", "role", "LEAD_EXPERT"));
        assertThat(appointed.status()).as(appointed.toString()).isEqualTo(201);
        assertIsTheStoredForum(api, id, appointed.json(), "PUBLIC_CONSULTATION");
    }

    private void assertIsTheStoredForum(Api api, String id, JsonNode answer, String stage) {
        assertThat(answer.get("stage").asText()).isEqualTo(stage);
        Long lastStored = jdbc.queryForObject("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?",
                Long.class, id);
        assertThat(answer.get("version").asLong()).isEqualTo(lastStored);
        // ?asOf folds the whole stream from the store, without the views kept in memory
        Api.Response folded = api.get("/api/forums/" + id + "?asOf=" + Instant.now().plusSeconds(1), Api.COORDINATOR);
        assertThat(folded.status()).as(folded.toString()).isEqualTo(200);
        assertThat(answer).isEqualTo(folded.json());
    }
}
